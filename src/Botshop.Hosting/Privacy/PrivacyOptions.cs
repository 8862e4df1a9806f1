namespace Botshop.Hosting.Privacy;

/// <summary>Retention of candidates' conversations (section "Privacy"; Privacy:Redaction is read beside it).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Messages older than this many days are purged, with their feedback, replies and emptied conversations.</summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>How often the server looks for messages due for purging; one replica does it per interval.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    public const int MaxRetentionDays = 36_500;

    public IEnumerable<string> Problems()
    {
        if (RetentionDays is < 1 or > MaxRetentionDays)
            yield return $"Privacy:RetentionDays must be between 1 and {MaxRetentionDays} (it is {RetentionDays}).";
        if (PurgeInterval < TimeSpan.FromSeconds(1) || PurgeInterval > TimeSpan.FromDays(7))
            yield return $"Privacy:PurgeInterval must be between 00:00:01 and 7.00:00:00 (it is {PurgeInterval}).";
    }
}
