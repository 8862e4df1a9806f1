using System.Text.Json.Nodes;
using Botshop.Testing;

namespace Botshop.Server.Tests.Teams;

/// <summary>Activities shaped as Teams sends them (personal chat), and the connector requests that answer them.</summary>
public static class TeamsActivities
{
    /// <summary>A Teams-like conversation id: colon and semicolon must survive the reply URL's path encoding.</summary>
    public static string NewConversationId() => $"a:1{Guid.NewGuid():n};messageid=17";

    public static string NewActivityId() => "1" + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999);

    public static JsonObject Message(string serviceUrl, string conversationId, string activityId, string text) => new()
    {
        ["type"] = "message",
        ["id"] = activityId,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:1candidate-aad-object", ["name"] = "Candidate" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + TeamsServerFixture.AppId, ["name"] = "Botshop" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["text"] = text,
        ["textFormat"] = "plain",
    };

    /// <summary>What Teams sends when an Action.Submit button of our card is pressed: a message whose value is the button's data.</summary>
    public static JsonObject CardSubmit(string serviceUrl, string conversationId, string replyToId, JsonNode data)
    {
        var activity = Message(serviceUrl, conversationId, NewActivityId(), "");
        activity.Remove("text");
        activity["replyToId"] = replyToId;
        activity["value"] = data.DeepClone();
        return activity;
    }

    /// <summary>The path a reply to this activity must be POSTed to (as the fake connector sees it, percent-decoded).</summary>
    public static string ReplyPath(string conversationId, string activityId) =>
        $"/amer/v3/conversations/{conversationId}/activities/{activityId}";

    public static IReadOnlyList<RecordedRequest> RepliesIn(this LoopbackServer connector, string conversationId) =>
        connector.Requests.Where(r => r.Path.StartsWith($"/amer/v3/conversations/{conversationId}/", StringComparison.Ordinal)).ToList();

    /// <summary>Waits until the connector has received a request in this conversation, and returns them all.</summary>
    public static async Task<IReadOnlyList<RecordedRequest>> WaitForRepliesInAsync(this LoopbackServer connector, string conversationId)
    {
        while (true)
        {
            // Count first: a request arriving after the count makes the wait below return at once.
            var seen = connector.Requests.Count;
            if (connector.RepliesIn(conversationId) is { Count: > 0 } replies) return replies;
            await connector.WaitForRequestsAsync(seen + 1);
        }
    }
}
