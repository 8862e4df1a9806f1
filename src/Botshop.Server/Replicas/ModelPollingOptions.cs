namespace Botshop.Server.Replicas;

/// <summary>How often a replica checks the store for a model promoted, or knowledge edited, elsewhere (section "Models").</summary>
public sealed class ModelPollingOptions
{
    public const string Section = "Models";

    /// <summary>Seconds between checks; on PostgreSQL a change notification wakes the check at once, this is the fallback.</summary>
    public int PollSeconds { get; set; } = 5;
}
