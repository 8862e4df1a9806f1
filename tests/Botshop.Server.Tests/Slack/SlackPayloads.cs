using System.Text.Json.Nodes;

namespace Botshop.Server.Tests.Slack;

/// <summary>Bodies as Slack sends them (channels.md §1.3, §1.5, §1.6), with fresh ids so tests never share data.</summary>
public static class SlackPayloads
{
    public const string UserId = "U0CANDIDATE";

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("n")[..12].ToUpperInvariant();

    public static string NewChannel(string prefix = "C") => NewId(prefix);

    public static string NewEventId() => NewId("Ev");

    /// <summary>A message ts: a string "seconds.micros", opaque to us.</summary>
    public static string NewTs() => $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Random.Shared.Next(0, 999_999):D6}";

    public static string UrlVerification(string challenge) =>
        new JsonObject { ["token"] = "legacy", ["challenge"] = challenge, ["type"] = "url_verification" }.ToJsonString();

    /// <summary>An app_mention: the bot named in a channel it belongs to.</summary>
    public static JsonObject AppMention(string channel, string ts, string text, string? eventId = null) =>
        Callback(eventId, new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = UserId,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = channel,
            ["event_ts"] = ts,
        });

    /// <summary>A message.im: a direct message to the bot.</summary>
    public static JsonObject DirectMessage(string channel, string ts, string text, string user = UserId) =>
        Callback(null, new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = channel,
            ["event_ts"] = ts,
        });

    // No "authorizations": the server must know its own user id from auth.test, not from the envelope.
    private static JsonObject Callback(string? eventId, JsonObject ev) => new()
    {
        ["token"] = "legacy",
        ["team_id"] = FakeSlack.TeamId,
        ["api_app_id"] = "A1",
        ["event"] = ev,
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? NewEventId(),
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    };

    /// <summary>A slash command's form fields.</summary>
    public static Dictionary<string, string> AskCommand(string channel, string text, string responseUrl) => new()
    {
        ["token"] = "legacy",
        ["team_id"] = FakeSlack.TeamId,
        ["team_domain"] = "fake",
        ["channel_id"] = channel,
        ["channel_name"] = "jobs",
        ["user_id"] = UserId,
        ["user_name"] = "candidate",
        ["command"] = "/ask",
        ["text"] = text,
        ["api_app_id"] = "A1",
        ["response_url"] = responseUrl,
        ["trigger_id"] = NewId("trig."),
    };

    /// <summary>A block_actions payload: one button pressed on a message of ours in the channel.</summary>
    public static JsonObject ButtonPress(string channel, string messageTs, string actionId, string value, string label, string responseUrl) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = UserId, ["username"] = "candidate", ["team_id"] = FakeSlack.TeamId },
        ["api_app_id"] = "A1",
        ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "jobs" },
        ["message"] = new JsonObject { ["ts"] = messageTs, ["type"] = "message" },
        ["trigger_id"] = NewId("trig."),
        ["response_url"] = responseUrl,
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["block_id"] = "feedback",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label, ["emoji"] = true },
            ["value"] = value,
            ["action_ts"] = NewTs(),
        }),
    };
}
