using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botshop.Server.Privacy;

/// <summary>Where a conversation lives on its platform: the part of a reply address every question in it shares.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SlackConversationRef), "slack")]
[JsonDerivedType(typeof(TeamsConversationRef), "msteams")]
public abstract record ConversationRef;

/// <param name="Channel">The Slack channel (C…, G…, or a D… direct-message channel).</param>
public sealed record SlackConversationRef(string Channel, string? Team) : ConversationRef;

/// <summary>What a proactive Bot Connector message into the conversation needs (no user id: the conversation suffices).</summary>
public sealed record TeamsConversationRef(
    string ServiceUrl, string ConversationId, string BotId, string? BotName, string? TenantId, string? ChannelId) : ConversationRef;

/// <summary>Where one question can be answered.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SlackMessageRef), "slack")]
[JsonDerivedType(typeof(TeamsMessageRef), "msteams")]
public abstract record MessageRef;

/// <param name="ThreadTs">The thread the question sits in.</param>
/// <param name="User">
/// Set only for a question with no thread to answer in (an /ask command or its ephemeral buttons): the reply goes
/// to the asker by direct message.
/// </param>
public sealed record SlackMessageRef(string? ThreadTs, string? User) : MessageRef;

/// <param name="ReplyToId">The question's activity: a reply is threaded under it.</param>
public sealed record TeamsMessageRef(string? ReplyToId) : MessageRef;

/// <summary>The JSON the reply addresses are written in before they are encrypted.</summary>
public static class ReplyRefJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
