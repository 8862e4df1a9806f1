using System.Text.Json.Nodes;

namespace Botshop.Channels.Slack;

/// <summary>A rendered Slack message: the notification/fallback text and the Block Kit blocks.</summary>
public sealed record SlackMessage(string Text, JsonArray Blocks);
