using System.Globalization;
using Botshop.Channels.Slack;
using Botshop.Channels.Teams;
using Botshop.Core.Privacy;
using Botshop.Hosting.Accounts;
using Botshop.Storage;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Admin.Settings;

/// <summary>One setting in force, with the key that sets it.</summary>
public sealed record SettingLine(string Name, string Value, string Key);

/// <summary>
/// The settings in force, for admins to read. Only an allow-list of values is shown: never a connection string,
/// token, secret or password, not even masked.
/// </summary>
public sealed class SettingsReport(
    IConfiguration configuration,
    RedactionSettings redaction,
    BotshopDatabase database,
    IOptions<AdminOptions> admin,
    IOptions<SlackOptions> slack,
    IOptions<TeamsOptions> teams)
{
    /// <summary>The retention the privacy work applies when Privacy:RetentionDays is not set.</summary>
    public const int DefaultRetentionDays = 180;

    public IReadOnlyList<SettingLine> Lines()
    {
        var a = admin.Value;
        var retention = configuration["Privacy:RetentionDays"];
        var lines = new List<SettingLine>
        {
            new("Redaction of emails, phone numbers and long numbers", redaction.Enabled ? "on" : "off", "Privacy:Redaction"),
            new("Database", database.Provider, "Database:Provider"),
            new("Conversations kept for", string.IsNullOrWhiteSpace(retention)
                ? $"{DefaultRetentionDays} days (default)" : $"{retention} days", "Privacy:RetentionDays"),
            new("Failed sign-ins before a lockout", a.LockoutAttempts.ToString(CultureInfo.InvariantCulture), "Admin:LockoutAttempts"),
            new("Lockout", $"{a.LockoutMinutes} minutes", "Admin:LockoutMinutes"),
            new("Low confidence below", a.LowConfidence.ToString("0.##", CultureInfo.InvariantCulture), "Admin:LowConfidence"),
            new("Bootstrap admin", string.IsNullOrWhiteSpace(a.BootstrapUser) ? "not configured" : "configured", "Admin:BootstrapUser"),
            new("Slack", slack.Value.IsEnabled ? "on" : "off", "Slack:SigningSecret"),
            new("Teams", teams.Value.AuthenticationEnabled ? "on (Bot Framework tokens checked)" : "loopback only (no app id)", "Teams:AppId"),
        };
        // The model gate belongs to the retraining work; whatever tolerance it reads from configuration is shown here.
        lines.AddRange(configuration.AsEnumerable()
            .Where(kv => kv.Value is not null && kv.Key.EndsWith("Tolerance", StringComparison.OrdinalIgnoreCase))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new SettingLine("Model gate tolerance", kv.Value!, kv.Key)));
        return lines;
    }
}
