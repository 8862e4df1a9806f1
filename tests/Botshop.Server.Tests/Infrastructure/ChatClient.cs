using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Botshop.Server.Tests.Infrastructure;

/// <summary>Speaks the web chat's wire format (camelCase JSON) the way chat.js does, asserting on raw JSON, not on server types.</summary>
public sealed class ChatClient(HttpClient http)
{
    public static string NewConversationId() => Guid.NewGuid().ToString("n");

    public Task<HttpResponseMessage> PostQuestionAsync(object body) => http.PostAsJsonAsync("api/chat/messages", body);

    /// <summary>Asks and returns the reply, failing with the server's problem text when it is not 200.</summary>
    public async Task<JsonObject> AskAsync(string conversationId, string text, string postingId = TestKnowledge.PostingId)
    {
        using var response = await PostQuestionAsync(new { postingId, conversationId, text });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public Task<HttpResponseMessage> VoteAsync(string conversationId, long messageId, string vote) =>
        http.PostAsJsonAsync("api/chat/feedback", new { messageId, vote, conversationId });
}
