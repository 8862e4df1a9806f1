using System.Text.Json.Nodes;

namespace Botshop.Channels.Teams;

/// <summary>
/// An activity ready for the Bot Connector: where to send it and the JSON body.
/// With <see cref="ReplyToId"/> it is a reply to that activity, otherwise a new message in the conversation.
/// </summary>
public sealed record TeamsOutgoingActivity(string ServiceUrl, string ConversationId, string? ReplyToId, JsonObject Body);
