using System.Text.Json;
using Botshop.Core;
using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Conversations;
using Botshop.Hosting.Privacy;
using Botshop.Storage;
using Botshop.Storage.Privacy;
using Botshop.Storage.Tests.Infrastructure;
using Botshop.Testing;

namespace Botshop.Hosting.Tests;

/// <summary>
/// Storage-level privacy on both engines, through the real ConversationService and Data Protection: candidates on
/// three channels write contact details, their platform ids go into encrypted reply references, and then every
/// text column of every table is read back.
/// </summary>
public abstract class CandidatePrivacyTests<TDatabase> : ReplicaTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private const string SlackUser = "U0RAWSLACKID";
    private const string TeamsUser = "29:1RawTeamsUserId-aad";
    private const string Email = "jane.doe+jobs@example.com";
    private const string Phone = "+44 20 7946 0958";
    private const string LongNumber = "4929123456781234";

    /// <summary>What must never be found in clear: contact details as typed, and the platforms' user ids.</summary>
    private static readonly string[] Raw = [Email, "jane.doe", Phone, "7946 0958", LongNumber, SlackUser, TeamsUser, "RawTeamsUserId"];

    [Fact]
    public async Task After_conversations_on_every_channel_no_raw_contact_detail_or_user_id_is_in_any_text_column()
    {
        var server = await StartReplicaAsync();
        var (slackRef, _, webRef) = await ConverseOnEveryChannelAsync(server);
        var cli = await StartReplicaAsync();
        await cli.Get<CandidatePrivacy>().ExportAsync(slackRef, "cli", default);
        await cli.Get<CandidatePrivacy>().ForgetAsync(webRef, "cli", "candidate", default);

        var hits = await FindAsync(server, Raw);

        Assert.True(hits.Count == 0, "found in clear:\n" + string.Join('\n', hits));
        Assert.Contains("audit_log.detail", (await TextColumnsAsync(server)).Select(c => $"{c.Table}.{c.Column}"));
    }

    [Fact]
    public async Task Forget_me_typed_by_a_candidate_deletes_their_rows_stores_nothing_of_the_request_and_spares_the_others()
    {
        var server = await StartReplicaAsync();
        var (slackRef, teamsRef, webRef) = await ConverseOnEveryChannelAsync(server);
        var conversations = server.Get<ConversationService>();

        var accepted = await conversations.AcceptAsync(new IncomingMessage("slack", "DCANDIDATE", slackRef, "Please, forget me!", ExternalId: "EvForget"), default);
        var reply = await conversations.ReplyAsync(accepted!, default);

        Assert.Equal(AcceptedMessage.NotRecorded, accepted!.MessageId);
        Assert.Equal(ReplyKind.Forgotten, reply.Kind);
        Assert.Contains("2 messages", reply.Text);
        Assert.Empty(await FindAsync(server, [slackRef, "forget me", "EvForget"]));
        Assert.NotEmpty(await FindAsync(server, [teamsRef]));
        Assert.NotEmpty(await FindAsync(server, [webRef]));
        Assert.Empty((await server.Get<Botshop.Core.Privacy.ICandidateRecords>().ExportAsync(slackRef, default)).Messages);
    }

    [Fact]
    public async Task Export_by_another_process_decrypts_the_reply_references_and_is_audited()
    {
        var server = await StartReplicaAsync();
        var (slackRef, _, _) = await ConverseOnEveryChannelAsync(server);
        var cli = await StartReplicaAsync();

        var export = await cli.Get<CandidatePrivacy>().ExportAsync(slackRef, "cli", default);

        Assert.Equal(2, export.Messages.Count);
        Assert.All(export.Messages, m => Assert.DoesNotContain(Email, m.Stored.Question));
        var dm = export.Messages[0].ReplyRef!.Value!.Value;
        Assert.Equal(SlackUser, dm.GetProperty("user").GetString());
        Assert.Equal("DCANDIDATE", export.Conversations.Single().ReplyRef!.Value!.Value.GetProperty("channel").GetString());
        var audit = await cli.Get<IAuditLog>().RecentAsync(10, null, default);
        Assert.Contains(audit, e => e is { Actor: "cli", Action: "candidate.export", Subject: "candidate" });
    }

    [Fact]
    public async Task The_retention_purge_runs_on_one_replica_per_interval()
    {
        var clock = new FixedTime(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var first = await StartReplicaAsync(clock: clock);
        var second = await StartReplicaAsync(clock: clock);
        var log = first.Get<IConversationLog>();
        for (var i = 0; i < 3; i++)
            await log.RecordQuestionAsync(new IncomingMessage("web", "w" + i, "u_" + i, "old"), clock.Now.AddDays(-31), default);
        await log.RecordQuestionAsync(new IncomingMessage("web", "w9", "u_9", "recent"), clock.Now.AddDays(-29), default);

        var results = await Task.WhenAll(new[] { first, second }.Select(r => Task.Run(() => r.Get<RetentionRunner>().RunIfDueAsync(default))));
        clock.Now = clock.Now.AddMinutes(59);
        var tooSoon = await second.Get<RetentionRunner>().RunIfDueAsync(default);
        clock.Now = clock.Now.AddMinutes(1);
        var next = await second.Get<RetentionRunner>().RunIfDueAsync(default);

        Assert.Equal(3, Assert.Single(results, r => r is not null)!.Messages);
        Assert.Null(tooSoon);
        Assert.Equal(0, next!.Messages);
        var last = await first.Get<RetentionRunner>().LastRunAsync(default);
        Assert.Equal(clock.Now, last!.StartedAt);
    }

    /// <summary>A Slack DM (two questions, a vote, a recruiter reply), a Teams chat and a web chat, as the channels store them.</summary>
    private async Task<(string Slack, string Teams, string Web)> ConverseOnEveryChannelAsync(Replica server)
    {
        await server.Get<DataProtectionKeyBootstrap>().EnsureKeyAsync(default);
        var conversations = server.Get<ConversationService>();
        var pseudonym = server.Get<UserPseudonym>();
        var protector = server.Get<ReplyRefProtector>();
        var slackRef = pseudonym.For("slack", SlackUser);
        var teamsRef = pseudonym.For("msteams", TeamsUser);
        var webRef = pseudonym.For("web", "page-token-123456");

        var slackRefs = new SealedReplyRef(protector.Protect("""{"kind":"slack","channel":"DCANDIDATE","team":"T1"}"""),
            protector.Protect($$"""{"kind":"slack","user":"{{SlackUser}}"}"""));
        var first = await conversations.AcceptAsync(new IncomingMessage("slack", "DCANDIDATE", slackRef,
            $"Is there a stipend? Write to {Email} or call {Phone}", ExternalId: "Ev1", ReplyRef: slackRefs), default);
        await conversations.AcceptAsync(new IncomingMessage("slack", "DCANDIDATE", slackRef, $"My card is {LongNumber}", ExternalId: "Ev2",
            ReplyRef: slackRefs with { Message = protector.Protect("""{"kind":"slack","threadTs":"1712.0001"}""") }), default);
        await conversations.RecordFeedbackAsync(first!.MessageId, "slack", FeedbackVote.Down, slackRef, default);
        await server.Get<RecruiterReplyStore>().AddAsync(first.MessageId, "alice", "Yes, 500 a month.", default);

        var teamsRefs = new SealedReplyRef(
            protector.Protect("""{"kind":"msteams","serviceUrl":"https://smba.example/amer/","conversationId":"a:1conv","botId":"28:bot"}"""),
            protector.Protect("""{"kind":"msteams","replyToId":"1700000000001"}"""));
        await conversations.AcceptAsync(new IncomingMessage("msteams", "a:1conv", teamsRef, $"reach me at {Email}",
            ExternalId: "1700000000001", ReplyRef: teamsRefs), default);
        await conversations.AcceptAsync(new IncomingMessage("web", "page-token-123456", webRef, $"my phone: {Phone}", PostingId: "widget"), default);
        return (slackRef, teamsRef, webRef);
    }

    private async Task<IReadOnlyList<string>> FindAsync(Replica replica, IReadOnlyCollection<string> needles)
    {
        await using var connection = await replica.Get<BotshopDatabase>().OpenAsync();
        return await StoreTextScan.FindAsync(connection, IsPostgres, needles);
    }

    private async Task<IReadOnlyList<(string Table, string Column)>> TextColumnsAsync(Replica replica)
    {
        await using var connection = await replica.Get<BotshopDatabase>().OpenAsync();
        return await StoreTextScan.TextColumnsAsync(connection, IsPostgres);
    }
}

public sealed class SqliteCandidatePrivacyTests : CandidatePrivacyTests<SqliteTestDatabase>;
public sealed class PostgresCandidatePrivacyTests : CandidatePrivacyTests<PostgresTestDatabase>;
