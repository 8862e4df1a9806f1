using System.Net;
using System.Text.Json.Nodes;
using Botshop.Server.Tests.Infrastructure;
using Botshop.Server.Tests.Slack;
using Botshop.Server.Tests.Teams;
using Botshop.Testing;
using Microsoft.Data.Sqlite;

namespace Botshop.Server.Tests.Privacy;

/// <summary>A candidate types "forget me" in any channel: everything stored about them goes, a confirmation comes back, and others keep theirs.</summary>
[Collection(PrivacyServerCollection.Name)]
public sealed class ForgetMeTests(PrivacyServerFixture fixture)
{
    [Fact]
    public async Task Web_chat_candidate_is_forgotten_and_told_so_and_another_chat_is_untouched()
    {
        using var http = fixture.Server.CreateClient();
        var chat = new ChatClient(http);
        var mine = ChatClient.NewConversationId();
        var other = ChatClient.NewConversationId();
        await chat.AskAsync(mine, TestKnowledge.DurationQuestion);
        await chat.AskAsync(mine, TestKnowledge.OffTopicQuestion);
        await chat.AskAsync(other, TestKnowledge.DurationQuestion);

        var confirmation = await chat.AskAsync(mine, "Please forget me!");

        Assert.Equal("Forgotten", (string?)confirmation["kind"]);
        Assert.Equal(0, (long)confirmation["messageId"]!);
        Assert.Contains("2 messages", (string?)confirmation["text"]);
        Assert.Empty(await fixture.Server.Database.MessagesInConversationAsync("web", mine));
        Assert.Single(await fixture.Server.Database.MessagesInConversationAsync("web", other));
        await AssertNoTraceAsync(fixture.Pseudonym.For("web", mine), mine, "forget me");
    }

    [Fact]
    public async Task Slack_dm_candidate_is_forgotten_and_the_confirmation_is_posted_in_the_thread()
    {
        const string user = "U0FORGETDM1";
        var dm = SlackPayloads.NewChannel("D");
        var otherDm = SlackPayloads.NewChannel("D");
        await PrivacyServerFixture.AcceptedAsync(fixture.PostSlackEventAsync(SlackPayloads.DirectMessage(dm, SlackPayloads.NewTs(), TestKnowledge.DurationQuestion, user)));
        await PrivacyServerFixture.AcceptedAsync(fixture.PostSlackEventAsync(SlackPayloads.DirectMessage(otherDm, SlackPayloads.NewTs(), TestKnowledge.DurationQuestion, "U0SOMEONEELSE")));
        await fixture.Slack.WaitForPostMessagesInAsync(dm);
        await fixture.Slack.WaitForPostMessagesInAsync(otherDm);

        var ts = SlackPayloads.NewTs();
        await PrivacyServerFixture.AcceptedAsync(fixture.PostSlackEventAsync(SlackPayloads.DirectMessage(dm, ts, "forget me", user)));

        var confirmation = SlackServerFixture.BodyOf((await fixture.Slack.WaitForPostMessagesInAsync(dm, 2))[1]);
        Assert.Equal(ts, (string?)confirmation["thread_ts"]);
        Assert.Contains("deleted everything stored about you", (string?)confirmation["text"]);
        Assert.DoesNotContain(confirmation["blocks"]!.AsArray(), b => (string?)b!["type"] == "actions"); // no 👍/👎 on a confirmation
        Assert.Empty(await fixture.Server.Database.MessagesInConversationAsync("slack", dm));
        Assert.Single(await fixture.Server.Database.MessagesInConversationAsync("slack", otherDm));
        await AssertNoTraceAsync(fixture.Pseudonym.For("slack", user), dm, "forget me");
    }

    [Fact]
    public async Task Ask_forget_forgets_the_slack_candidate_and_answers_privately()
    {
        var channel = SlackPayloads.NewChannel();
        var first = fixture.Slack.NewResponseUrl();
        await PrivacyServerFixture.AcceptedAsync(fixture.PostSlackCommandAsync(SlackPayloads.AskCommand(channel, TestKnowledge.DurationQuestion, first)));
        await fixture.Slack.WaitForPostsToAsync(first);
        Assert.NotEmpty(await fixture.Server.Database.MessagesInConversationAsync("slack", channel));

        var forget = fixture.Slack.NewResponseUrl();
        await PrivacyServerFixture.AcceptedAsync(fixture.PostSlackCommandAsync(SlackPayloads.AskCommand(channel, "forget", forget)));

        var confirmation = SlackServerFixture.BodyOf(Assert.Single(await fixture.Slack.WaitForPostsToAsync(forget)));
        Assert.Equal("ephemeral", (string?)confirmation["response_type"]);
        Assert.Contains("deleted everything stored about you", (string?)confirmation["text"]);
        Assert.Empty(await fixture.Server.Database.MessagesInConversationAsync("slack", channel));
        await AssertNoTraceAsync(fixture.Pseudonym.For("slack", SlackPayloads.UserId), channel, "forget");
    }

    [Fact]
    public async Task Teams_candidate_is_forgotten_and_the_confirmation_threads_under_the_request()
    {
        const string user = "29:1forget-me-teams-user";
        var conversation = TeamsActivities.NewConversationId();
        var question = TeamsActivities.Message(fixture.ServiceUrl, conversation, TeamsActivities.NewActivityId(), TestKnowledge.DurationQuestion);
        question["from"]!["id"] = user;
        await PrivacyServerFixture.AcceptedAsync(fixture.PostTeamsAsync(question));
        await fixture.Connector.WaitForRepliesInAsync(conversation);

        var request = TeamsActivities.NewActivityId();
        var forget = TeamsActivities.Message(fixture.ServiceUrl, conversation, request, "Forget me, please.");
        forget["from"]!["id"] = user;
        await PrivacyServerFixture.AcceptedAsync(fixture.PostTeamsAsync(forget));

        var confirmation = await WaitForAsync(() => fixture.Connector.RepliesIn(conversation).Where(r => r.Path.EndsWith("/" + request, StringComparison.Ordinal)).ToList());
        var body = JsonNode.Parse(confirmation.BodyText)!;
        Assert.Contains("deleted everything stored about you", (string?)body["text"]);
        Assert.Null(body["attachments"]![0]!["content"]!["actions"]); // no feedback buttons
        Assert.Empty(await fixture.Server.Database.MessagesInConversationAsync("msteams", conversation));
        await AssertNoTraceAsync(fixture.Pseudonym.For("msteams", user), conversation, "Forget me");
    }

    [Fact]
    public async Task The_background_purge_deletes_a_message_past_retention_and_its_emptied_conversation()
    {
        using var http = fixture.Server.CreateClient();
        var old = ChatClient.NewConversationId();
        var messageId = (long)(await new ChatClient(http).AskAsync(old, TestKnowledge.DurationQuestion))["messageId"]!;
        // Age it past Privacy:RetentionDays (1 day here), as time would.
        var twoDaysAgo = DateTimeOffset.UtcNow.AddDays(-2).ToUnixTimeMilliseconds();
        await ExecuteAsync($"UPDATE messages SET received_at = {twoDaysAgo} WHERE id = {messageId}");
        await ExecuteAsync($"UPDATE conversations SET created_at = {twoDaysAgo}, last_activity_at = {twoDaysAgo} WHERE external_id = '{old}'");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await fixture.Server.Database.MessagesInConversationAsync("web", old)).Count > 0) await Task.Delay(100, timeout.Token);

        Assert.Equal(0, await ScalarAsync($"SELECT COUNT(*) FROM conversations WHERE external_id = '{old}'"));
    }

    [Fact]
    public async Task The_privacy_pages_refuse_a_signed_out_request()
    {
        var handler = ClientHandler.FromAddress(ServerProcess.ClientAddress);
        handler.AllowAutoRedirect = false;
        using var http = new HttpClient(handler) { BaseAddress = fixture.Server.BaseUri };
        using var page = await http.GetAsync("admin/privacy");
        using var forget = await http.PostAsync("admin/privacy/forget?messageId=1", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/admin/login", page.Headers.Location!.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.OK, forget.StatusCode);
    }

    /// <summary>No text anywhere in the store mentions the candidate's reference, conversation or request.</summary>
    private async Task AssertNoTraceAsync(string userRef, string conversation, string request)
    {
        await using var connection = await OpenAsync();
        var hits = await StoreTextScan.FindAsync(connection, postgres: false, [userRef, conversation, request]);
        Assert.True(hits.Count == 0, "left behind:\n" + string.Join('\n', hits));
    }

    private static async Task<RecordedRequest> WaitForAsync(Func<IReadOnlyList<RecordedRequest>> find)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (find() is not { Count: > 0 } found) await Task.Delay(50, timeout.Token);
        return Assert.Single(find());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={fixture.Server.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
