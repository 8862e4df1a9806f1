using System.Net;
using System.Text;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.WebChat;

/// <summary>Bad input gets ProblemDetails that say what was wrong, and nothing is stored.</summary>
[Collection(WebServerCollection.Name)]
public sealed class ChatValidationTests(ServerFixture fixture)
{
    private readonly HttpClient _http = fixture.Server.CreateClient();
    private ChatClient Chat => new(_http);

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces in it")]
    [InlineData("../../etc/passwd")]
    public async Task Bad_conversation_id_is_refused(string conversationId)
    {
        using var response = await Chat.PostQuestionAsync(new { postingId = TestKnowledge.PostingId, conversationId, text = "How long is it?" });

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("conversationId", Problem.Detail(problem));
    }

    [Fact]
    public async Task Unknown_posting_is_refused_and_not_stored()
    {
        var conversation = ChatClient.NewConversationId();

        using var response = await Chat.PostQuestionAsync(new { postingId = "no-such-posting", conversationId = conversation, text = "How long is it?" });

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("postingId", Problem.Detail(problem));
        Assert.Empty(await fixture.Server.Database.MessagesInConversationAsync("web", conversation));
    }

    public static TheoryData<string?, string> InvalidTexts => new()
    {
        { null, "text is required." },
        { "", "text is required." },
        { "   ", "text is required." },
        { new string('a', 2001), "text is longer than 2000 characters." },
    };

    [Theory]
    [MemberData(nameof(InvalidTexts))]
    public async Task Missing_or_over_long_text_is_refused_and_not_stored(string? text, string reason)
    {
        var conversation = ChatClient.NewConversationId();

        using var response = await Chat.PostQuestionAsync(new { postingId = TestKnowledge.PostingId, conversationId = conversation, text });

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(reason, Problem.Detail(problem));
        Assert.Empty(await fixture.Server.Database.MessagesInConversationAsync("web", conversation));
    }

    [Fact]
    public async Task Text_of_exactly_2000_characters_is_accepted()
    {
        var conversation = ChatClient.NewConversationId();

        var reply = await Chat.AskAsync(conversation, "How long is the internship " + new string('?', 2000 - 27));

        Assert.NotNull(reply["kind"]);
        Assert.Single(await fixture.Server.Database.MessagesInConversationAsync("web", conversation));
    }

    [Theory]
    [InlineData("{\"postingId\": \"widget-engineer\", \"conversationId\": ", "is not valid JSON")]
    [InlineData("{\"postingId\": \"widget-engineer\", \"conversationId\": 12345678, \"text\": \"hi\"}", "expected fields or types (at $.conversationId)")]
    [InlineData("not json at all", "is not valid JSON (line 1")]
    public async Task Malformed_json_is_refused_with_the_reason(string body, string reason)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _http.PostAsync("api/chat/messages", content);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(reason, Problem.Detail(problem));
        // The reason names the place, never our types or the candidate's text.
        Assert.DoesNotContain("Botshop", Problem.Detail(problem));
        Assert.DoesNotContain("not json at all", Problem.Detail(problem));
    }

    [Fact]
    public async Task Body_over_the_64_KiB_limit_is_refused_with_413()
    {
        var conversation = ChatClient.NewConversationId();
        var padding = new string('x', 64 * 1024);

        using var response = await Chat.PostQuestionAsync(new { postingId = TestKnowledge.PostingId, conversationId = conversation, text = "How long?", padding });

        await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await fixture.Server.Database.MessagesInConversationAsync("web", conversation));
    }
}
