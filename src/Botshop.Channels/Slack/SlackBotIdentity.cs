using Microsoft.Extensions.Options;

namespace Botshop.Channels.Slack;

/// <summary>
/// The bot's own Slack user id, needed to drop its own messages and strip its mention. Configured, or learnt once
/// at start from auth.test (<see cref="Learn"/>).
/// </summary>
public sealed class SlackBotIdentity(IOptions<SlackOptions> options)
{
    private volatile SlackAuthIdentity? _learnt;

    public string? UserId => _learnt?.UserId ?? NullIfBlank(options.Value.BotUserId);
    public string? BotId => _learnt?.BotId;

    public void Learn(SlackAuthIdentity identity) => _learnt = identity;

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>What auth.test says about our token: the bot's user id, bot id and workspace.</summary>
public sealed record SlackAuthIdentity(string UserId, string? BotId, string? TeamId);
