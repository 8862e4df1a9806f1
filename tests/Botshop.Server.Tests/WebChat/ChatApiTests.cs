using System.Net;
using System.Text.Json.Nodes;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.WebChat;

[Collection(WebServerCollection.Name)]
public sealed class ChatApiTests(ServerFixture fixture)
{
    private readonly ChatClient _chat = new(fixture.Server.CreateClient());

    [Fact]
    public async Task Postings_are_listed_with_id_and_title()
    {
        using var client = fixture.Server.CreateClient();

        var postings = JsonNode.Parse(await client.GetStringAsync("api/chat/postings"))!.AsArray();

        var posting = Assert.Single(postings)!;
        Assert.Equal(TestKnowledge.PostingId, (string?)posting["id"]);
        Assert.Equal(TestKnowledge.PostingTitle, (string?)posting["title"]);
    }

    [Fact]
    public async Task Answerable_question_is_answered_with_its_source_passage()
    {
        var reply = await _chat.AskAsync(ChatClient.NewConversationId(), TestKnowledge.DurationQuestion);

        Assert.Equal("Answered", (string?)reply["kind"]);
        Assert.True((bool)reply["answered"]!);
        Assert.Equal("duration", (string?)reply["intent"]);
        Assert.Equal(TestKnowledge.DurationAnswer, (string?)reply["text"]);
        var source = Assert.Single(reply["sources"]!.AsArray())!;
        Assert.Equal(TestKnowledge.DurationPassageText, (string?)source["text"]);
        Assert.Equal("Duration", (string?)source["section"]);
        Assert.True((long)reply["messageId"]! > 0);
    }

    [Fact]
    public async Task Off_topic_question_is_declined_without_sources()
    {
        var reply = await _chat.AskAsync(ChatClient.NewConversationId(), TestKnowledge.OffTopicQuestion);

        Assert.Equal("OutOfScope", (string?)reply["kind"]);
        Assert.False((bool)reply["answered"]!);
        Assert.Empty(reply["sources"]!.AsArray());
        Assert.Contains("recruiter", (string?)reply["text"]);
    }

    [Fact]
    public async Task Every_question_is_stored_on_the_web_channel_with_its_reply_kind()
    {
        var conversation = ChatClient.NewConversationId();

        var answered = await _chat.AskAsync(conversation, TestKnowledge.DurationQuestion);
        var declined = await _chat.AskAsync(conversation, TestKnowledge.OffTopicQuestion);

        var stored = await fixture.Server.Database.MessagesInConversationAsync("web", conversation);
        Assert.Collection(stored,
            m => Assert.Equal(((long)answered["messageId"]!, TestKnowledge.DurationQuestion, "Answered", "web"), (m.Id, m.Question, m.ReplyKind, m.Channel)),
            m => Assert.Equal(((long)declined["messageId"]!, TestKnowledge.OffTopicQuestion, "OutOfScope", "web"), (m.Id, m.Question, m.ReplyKind, m.Channel)));
    }

    [Fact]
    public async Task A_vote_is_stored_and_a_second_vote_replaces_it()
    {
        var conversation = ChatClient.NewConversationId();
        var messageId = (long)(await _chat.AskAsync(conversation, TestKnowledge.DurationQuestion))["messageId"]!;

        using var up = await _chat.VoteAsync(conversation, messageId, "up");
        Assert.Equal(HttpStatusCode.NoContent, up.StatusCode);
        Assert.Equal(1, Assert.Single(await fixture.Server.Database.VotesAsync(messageId)).Vote);

        using var down = await _chat.VoteAsync(conversation, messageId, "down");
        Assert.Equal(HttpStatusCode.NoContent, down.StatusCode);
        Assert.Equal(-1, Assert.Single(await fixture.Server.Database.VotesAsync(messageId)).Vote);
    }

    [Fact]
    public async Task A_vote_other_than_up_or_down_is_refused_and_not_stored()
    {
        var conversation = ChatClient.NewConversationId();
        var messageId = (long)(await _chat.AskAsync(conversation, TestKnowledge.DurationQuestion))["messageId"]!;

        using var response = await _chat.VoteAsync(conversation, messageId, "sideways");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("vote", Problem.Detail(problem));
        Assert.Empty(await fixture.Server.Database.VotesAsync(messageId));
    }

    [Fact]
    public async Task A_vote_on_a_message_that_does_not_exist_is_404_and_not_stored()
    {
        var conversation = ChatClient.NewConversationId();
        var messageId = (long)(await _chat.AskAsync(conversation, TestKnowledge.DurationQuestion))["messageId"]!;

        using var response = await _chat.VoteAsync(conversation, messageId + 100_000, "up");

        await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Empty(await fixture.Server.Database.VotesAsync(messageId + 100_000));
    }
}
