using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Botshop.Core.Conversations;
using Botshop.Server.Tests.Infrastructure;
using Botshop.Server.Tests.Slack;
using Botshop.Server.Tests.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Server.Tests.Privacy;

/// <summary>
/// A recruiter's reply to a logged question goes back through the question's channel. The reply is sent by the
/// server's own IRecruiterReplies, built in this process on the running server's store: the address it uses was
/// encrypted by the server process, so this also proves the two share the key ring.
/// </summary>
[Collection(PrivacyServerCollection.Name)]
public sealed class RecruiterReplyTests(PrivacyServerFixture fixture)
{
    private const string ReplyText = "Yes: <b>500</b> & travel costs";

    [Fact]
    public async Task Reply_to_a_slack_dm_question_is_posted_in_its_thread()
    {
        var dm = SlackPayloads.NewChannel("D");
        var ts = SlackPayloads.NewTs();
        await PrivacyServerFixture.AcceptedAsync(fixture.PostSlackEventAsync(SlackPayloads.DirectMessage(dm, ts, "Is there a stipend?", "U0REPLYDM")));
        await fixture.Slack.WaitForPostMessagesInAsync(dm);
        var question = await QuestionAsync("slack", dm);

        var result = await SendAsync(question.Id, ReplyText);

        Assert.True(result.Sent, result.Error);
        var post = (await fixture.Slack.WaitForPostMessagesInAsync(dm, 2))[1];
        Assert.Equal("Bearer " + FakeSlack.BotToken, post.Header("Authorization"));
        var body = SlackServerFixture.BodyOf(post);
        Assert.Equal((dm, ts), ((string?)body["channel"], (string?)body["thread_ts"]));
        // Escaped for Slack: the recruiter's text is shown, never read as markup or a mention.
        Assert.Equal("A recruiter replied to your question:\nYes: &lt;b&gt;500&lt;/b&gt; &amp; travel costs", (string?)body["text"]);
        Assert.Contains("&lt;b&gt;500", (string?)body["blocks"]![0]!["text"]!["text"]);
        Assert.Equal(("delivered", null), await ReplyRowAsync(result.ReplyId));
        Assert.Equal(("alice", "candidate.reply", $"message/{question.Id}"), await LastAuditAsync());
    }

    [Fact]
    public async Task Reply_to_an_ask_command_goes_to_the_asker_by_direct_message()
    {
        var channel = SlackPayloads.NewChannel();
        var responseUrl = fixture.Slack.NewResponseUrl();
        await PrivacyServerFixture.AcceptedAsync(fixture.PostSlackCommandAsync(SlackPayloads.AskCommand(channel, "Is there a stipend?", responseUrl)));
        await fixture.Slack.WaitForPostsToAsync(responseUrl);
        var question = await QuestionAsync("slack", channel);

        var result = await SendAsync(question.Id, "Answered by DM " + question.Id);

        Assert.True(result.Sent, result.Error);
        // chat.postMessage to a user id opens the bot's DM with them: the question was ephemeral, the channel never saw it.
        var post = fixture.Slack.PostMessagesIn(SlackPayloads.UserId).Single(p => p.BodyText.Contains("Answered by DM " + question.Id));
        Assert.Null(SlackServerFixture.BodyOf(post)["thread_ts"]);
        Assert.Empty(fixture.Slack.PostMessagesIn(channel));
        Assert.Single(fixture.Slack.PostsTo(responseUrl)); // the bot's own answer only
    }

    [Fact]
    public async Task A_reply_slack_refuses_is_recorded_as_failed_with_the_reason()
    {
        var gone = SlackPayloads.NewChannel(FakeSlack.MissingPrefix);
        await PrivacyServerFixture.AcceptedAsync(fixture.PostSlackEventAsync(SlackPayloads.DirectMessage(gone, SlackPayloads.NewTs(), "Is there a stipend?")));
        var question = await SettledQuestionAsync("slack", gone);

        var result = await SendAsync(question.Id, ReplyText);

        Assert.False(result.Sent);
        Assert.Contains("channel_not_found", result.Error);
        var (status, error) = await ReplyRowAsync(result.ReplyId);
        Assert.Equal("failed", status);
        Assert.Contains("channel_not_found", error);
    }

    [Fact]
    public async Task Reply_to_a_teams_question_is_sent_proactively_into_its_conversation_under_the_question()
    {
        var conversation = TeamsActivities.NewConversationId();
        var activityId = TeamsActivities.NewActivityId();
        await PrivacyServerFixture.AcceptedAsync(fixture.PostTeamsAsync(TeamsActivities.Message(fixture.ServiceUrl, conversation, activityId, "Is there a stipend?")));
        await fixture.Connector.WaitForRepliesInAsync(conversation);
        var question = await QuestionAsync("msteams", conversation);

        var result = await SendAsync(question.Id, ReplyText);

        Assert.True(result.Sent, result.Error);
        var sent = fixture.Connector.RepliesIn(conversation).OrderBy(r => r.ReceivedAt).ToList();
        Assert.Equal(2, sent.Count);
        var reply = sent[1];
        Assert.Equal(TeamsActivities.ReplyPath(conversation, activityId), reply.Path);
        Assert.Equal("Bearer " + TeamsServerFixture.ConnectorToken, reply.Header("Authorization"));
        var body = JsonNode.Parse(reply.BodyText)!;
        Assert.Equal(("message", "plain", activityId), ((string?)body["type"], (string?)body["textFormat"], (string?)body["replyToId"]));
        Assert.Equal("A recruiter replied to your question:\n" + ReplyText, (string?)body["text"]);
        Assert.Equal("28:" + TeamsServerFixture.AppId, (string?)body["from"]!["id"]);
        Assert.Equal((conversation, "tenant-1"), ((string?)body["conversation"]!["id"], (string?)body["conversation"]!["tenantId"]));
        Assert.Null(body["recipient"]); // the user's id was never stored, and the conversation suffices
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["attachments"]![0]!["contentType"]);
        Assert.Equal(("delivered", null), await ReplyRowAsync(result.ReplyId));
    }

    [Fact]
    public async Task Reply_to_a_web_question_waits_for_the_page_which_fetches_it_once()
    {
        using var http = fixture.Server.CreateClient();
        var conversation = ChatClient.NewConversationId();
        var asked = await new ChatClient(http).AskAsync(conversation, "Is there a stipend?");
        var messageId = (long)asked["messageId"]!;

        var result = await SendAsync(messageId, ReplyText);

        Assert.True(result.Sent, result.Error);
        Assert.Equal(("pending", null), await ReplyRowAsync(result.ReplyId));
        var fetched = await http.GetFromJsonAsync<JsonArray>($"api/chat/conversations/{conversation}/replies?after=0");
        var reply = Assert.Single(fetched!)!;
        Assert.Equal((result.ReplyId, messageId, ReplyText), ((long)reply["id"]!, (long)reply["messageId"]!, (string?)reply["text"]));
        Assert.Equal(("delivered", null), await ReplyRowAsync(result.ReplyId));
        Assert.Empty((await http.GetFromJsonAsync<JsonArray>($"api/chat/conversations/{conversation}/replies?after={result.ReplyId}"))!);
        Assert.Empty((await http.GetFromJsonAsync<JsonArray>($"api/chat/conversations/{ChatClient.NewConversationId()}/replies"))!);
    }

    [Fact]
    public async Task The_reply_poll_refuses_a_malformed_conversation_or_cursor()
    {
        using var http = fixture.Server.CreateClient();
        using var badId = await http.GetAsync("api/chat/conversations/short/replies");
        using var badAfter = await http.GetAsync($"api/chat/conversations/{ChatClient.NewConversationId()}/replies?after=-1");

        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Contains("conversationId", await badId.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badAfter.StatusCode);
    }

    [Fact]
    public async Task A_reply_to_a_question_that_no_longer_exists_is_refused_and_nothing_is_sent()
    {
        var before = fixture.Slack.Requests.Count;

        var result = await SendAsync(long.MaxValue - 1, ReplyText);

        Assert.Equal((0L, false), (result.ReplyId, result.Sent));
        Assert.Contains("no longer exists", result.Error);
        Assert.Equal(before, fixture.Slack.Requests.Count);
    }

    private async Task<RecruiterReplyResult> SendAsync(long messageId, string text)
    {
        await using var app = fixture.InProcessServices();
        return await app.Services.GetRequiredService<IRecruiterReplies>().SendAsync(messageId, "alice", text, default);
    }

    private async Task<StoredMessage> QuestionAsync(string channel, string conversation) =>
        Assert.Single(await fixture.Server.Database.MessagesInConversationAsync(channel, conversation));

    private async Task<StoredMessage> SettledQuestionAsync(string channel, string conversation)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var stored = await fixture.Server.Database.MessagesInConversationAsync(channel, conversation);
            if (stored.Count == 1 && stored[0].DeliveryStatus != "pending") return stored[0];
            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task<(string Status, string? Error)> ReplyRowAsync(long replyId)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT delivery_status, delivery_error FROM recruiter_replies WHERE id = $id";
        command.Parameters.AddWithValue("$id", replyId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no recruiter reply {replyId}");
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private async Task<(string Actor, string Action, string Subject)> LastAuditAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT actor, action, subject FROM audit_log ORDER BY id DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={fixture.Server.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
