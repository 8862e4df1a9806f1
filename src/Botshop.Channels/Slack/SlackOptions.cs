namespace Botshop.Channels.Slack;

/// <summary>Slack app settings, bound from the "Slack" configuration section (Slack__SigningSecret, …).</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>The app's signing secret; the Slack channel is off while it is unset.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (xoxb-…) used for Web API calls.</summary>
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://slack.com/api";

    /// <summary>The bot's own user id; when unset it is learnt from auth.test or the event's authorizations.</summary>
    public string? BotUserId { get; set; }

    /// <summary>
    /// Slack channel id -> posting id, the initial binding of a channel. Seeded into the store at start where the channel
    /// has no stored choice, so a later `/ask posting ID` (stored) keeps winning across restarts.
    /// </summary>
    public Dictionary<string, string> ChannelPostings { get; set; } = new();

    /// <summary>Retries after the first attempt for 429 and 5xx answers.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay for 5xx retries (doubled each time, with jitter); a 429's Retry-After wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningSecret);
}
