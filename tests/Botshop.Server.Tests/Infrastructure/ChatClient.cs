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

    /// <summary>Asks in a new conversation and returns the stored message's id, failing unless the bot declined.</summary>
    public async Task<long> AskDeclinedAsync(string question, string postingId = TestKnowledge.PostingId)
    {
        var reply = await AskAsync(NewConversationId(), question, postingId);
        Assert.False((bool)reply["answered"]!, $"\"{question}\" was answered: {reply}");
        return (long)reply["messageId"]!;
    }

    /// <summary>Each question in its own new conversation; fails unless the bot declined every one.</summary>
    public async Task<IReadOnlyList<long>> AskDeclinedAsync(IEnumerable<string> questions, string postingId = TestKnowledge.PostingId)
    {
        var ids = new List<long>();
        foreach (var question in questions) ids.Add(await AskDeclinedAsync(question, postingId));
        return ids;
    }

    /// <summary>Presses a "did you mean" button for <paramref name="intent"/> in a new conversation, as the page sends it.</summary>
    public async Task<JsonObject> ChooseIntentAsync(string intent, string postingId = TestKnowledge.PostingId)
    {
        using var response = await PostQuestionAsync(new { postingId, conversationId = NewConversationId(), chosenIntent = "intent:" + intent });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public Task<HttpResponseMessage> VoteAsync(string conversationId, long messageId, string vote) =>
        http.PostAsJsonAsync("api/chat/feedback", new { messageId, vote, conversationId });
}
