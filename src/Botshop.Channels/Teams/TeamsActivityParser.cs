using System.Text.Json;

namespace Botshop.Channels.Teams;

/// <summary>Outcome of parsing an inbound request body: the activity, or why it was refused (HTTP 400).</summary>
public sealed record ActivityParseResult(TeamsActivity? Activity, string? Error)
{
    public bool Success => Activity is not null;
}

/// <summary>Parses the raw bytes of an inbound Bot Framework activity and checks the fields every later step relies on.</summary>
public sealed class TeamsActivityParser
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 32,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public ActivityParseResult Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return Fail("The request body is empty.");
        TeamsActivity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<TeamsActivity>(body, Json);
        }
        catch (JsonException ex)
        {
            // The message names the path and position, never the body's contents.
            return Fail($"The body is not a valid activity: {ex.Message.Split('|')[0].Trim()}");
        }
        if (activity is null) return Fail("The body is not a JSON object.");
        if (string.IsNullOrWhiteSpace(activity.Type)) return Fail("The activity has no type.");
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
            return Fail("The activity has no absolute http(s) serviceUrl.");
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) return Fail("The activity has no conversation.id.");
        if (string.IsNullOrWhiteSpace(activity.From?.Id)) return Fail("The activity has no from.id.");
        if (string.IsNullOrWhiteSpace(activity.Recipient?.Id)) return Fail("The activity has no recipient.id.");
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke && string.IsNullOrWhiteSpace(activity.Id))
            return Fail("A message or invoke activity must have an id.");
        return new ActivityParseResult(activity, null);
    }

    private static ActivityParseResult Fail(string error) => new(null, error);
}
