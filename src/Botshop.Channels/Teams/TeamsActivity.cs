using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botshop.Channels.Teams;

/// <summary>The Bot Framework activity fields Botshop reads (channels.md §2.2); unknown fields are ignored.</summary>
public sealed record TeamsActivity
{
    public string Type { get; init; } = "";
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? ReplyToId { get; init; }
    public JsonElement? Value { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<ActivityEntity>? Entities { get; init; }
    public JsonElement? ChannelData { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
}

/// <summary>A user or bot: "29:…" for people, "28:&lt;appId&gt;" for the bot.</summary>
public sealed record ChannelAccount(string Id, string? Name = null)
{
    [JsonPropertyName("aadObjectId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AadObjectId { get; init; }
}

public sealed record ConversationAccount(string Id, string? ConversationType = null, string? TenantId = null);

/// <summary>An entry of <c>entities[]</c>; only mentions are read, the rest pass through untouched.</summary>
public sealed record ActivityEntity(string? Type, ChannelAccount? Mentioned = null, string? Text = null);

/// <summary>Activity types Botshop acts on.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";
    public const string InstallationUpdate = "installationUpdate";
}
