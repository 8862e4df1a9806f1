namespace Botshop.Channels.Slack;

/// <summary>
/// What the Slack app manifest (infra/slack/manifest.yaml) promises and this adapter handles; a test holds the two
/// together so neither drifts.
/// </summary>
public static class SlackRoutes
{
    public const string Events = "/slack/events";
    public const string Commands = "/slack/commands";
    public const string Interactivity = "/slack/interactivity";

    public const string AskCommand = "/ask";

    /// <summary>Event subscriptions. Not message.channels: a mention would then arrive twice (channels.md §1.3).</summary>
    public static readonly IReadOnlyList<string> BotEvents = ["app_mention", "message.im"];

    public static readonly IReadOnlyList<string> BotScopes = ["app_mentions:read", "im:history", "chat:write", "commands"];
}
