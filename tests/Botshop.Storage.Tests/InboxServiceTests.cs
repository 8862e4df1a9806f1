using System.Text.Json;
using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Conversations;
using Botshop.Core.Inbox;
using Botshop.Core.Knowledge;
using Botshop.Core.Knowledge.Editing;
using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests;

/// <summary>The inbox decisions end to end over the real store: grouped listing, audit rows, knowledge served at once.</summary>
public abstract class InboxServiceTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private const string PostingId = EditableKnowledge.PostingId;

    private readonly FixedTime _clock = new(T0.AddDays(1));
    private readonly LiveKnowledge _live = new();
    private readonly LiveModel _model = new();
    private LoggedQuestions _log = null!;
    private AuditLog _audit = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _live.Set(await EditableKnowledge.SeedAsync(Db));
        _log = new LoggedQuestions(Db, T0);
        _audit = new AuditLog(Db, _clock);
    }

    private InboxService Inbox(IRecruiterReplies? replies = null, InboxSettings? settings = null) => new(
        new InboxStore(Db), new KnowledgeEditStore(Db), new KnowledgeRefresher(new KnowledgeStore(Db), _live), _audit, _model,
        settings ?? new InboxSettings(), _clock, replies);

    [Fact]
    public async Task The_inbox_lists_paraphrases_as_one_group()
    {
        var a = await _log.AskAsync("Is there a stipend?", ReplyKind.OutOfScope);
        var b = await _log.AskAsync("how much is the stipend", ReplyKind.OutOfScope, channel: "slack");
        var c = await _log.AskAsync("Do you sponsor visas?", ReplyKind.OutOfScope);

        var view = await Inbox().ListAsync(default);

        Assert.Equal(3, view.QuestionCount);
        Assert.False(view.Truncated);
        Assert.Equal(InboxSettings.FallbackConfidenceBelow, view.ConfidenceBelow);
        Assert.Equal([[b, a], [c]], view.Groups.Select(g => g.Questions.Select(q => q.MessageId).ToArray()));
        Assert.Equal(["stipend"], view.Groups[0].KeyTerms);
        Assert.Equal(["slack", "web"], view.Groups[0].Channels.Order());
    }

    [Fact]
    public async Task The_confidence_bound_follows_the_served_model_unless_configured()
    {
        // Only the policy is read here; no question is classified.
        _model.Set(new ActiveModel("7", null!, new DecisionPolicy(0.35f, 0.1f)));

        Assert.Equal(0.45f, Inbox().ConfidenceBelow, 0.0001f);
        Assert.Equal(0.8f, Inbox(settings: new InboxSettings(ConfidenceBelow: 0.8f)).ConfidenceBelow);
    }

    [Fact]
    public async Task A_long_inbox_is_cut_to_the_newest_and_says_so()
    {
        for (var i = 0; i < 12; i++) await _log.AskAsync($"question number {i}", ReplyKind.OutOfScope);

        var view = await Inbox(settings: new InboxSettings(MaxQuestions: 10)).ListAsync(default);

        Assert.True(view.Truncated);
        Assert.Equal(10, view.QuestionCount);
        Assert.DoesNotContain(view.Groups.SelectMany(g => g.Questions), q => q.Text == "question number 0");
    }

    [Fact]
    public async Task Labeling_is_audited_and_the_examples_are_in_the_served_knowledge()
    {
        var id = await _log.AskAsync("For how many weeks?", ReplyKind.Answered, "duration", 0.5f);

        var outcome = await Inbox().LabelAsync([id], "duration", false, "ana", default);

        Assert.Equal([id], outcome.Taken);
        Assert.Contains("For how many weeks?", _live.Required.FindIntent("duration")!.Examples);
        var entry = (await _audit.RecentAsync(1, null, default))[0];
        Assert.Equal(("ana", AuditActions.InboxLabel, "duration"), (entry.Actor, entry.Action, entry.Subject));
        Assert.Equal([id], JsonDocument.Parse(entry.Detail!).RootElement.GetProperty("messages").EnumerateArray().Select(e => e.GetInt64()));
        await Assert.ThrowsAsync<KnowledgeEditException>(() => Inbox().LabelAsync([id], "no_such_intent", false, "ana", default));
    }

    [Fact]
    public async Task A_written_answer_is_served_for_the_new_intent_at_once_and_audited()
    {
        var a = await _log.AskAsync("Is the internship paid?", ReplyKind.OutOfScope);
        var b = await _log.AskAsync("do interns get paid", ReplyKind.OutOfScope);

        var outcome = await Inbox().AnswerAsync([a, b], "pay", "whether the internship is paid", PostingId,
            "Yes: the internship is paid.", [EditableKnowledge.PayPassage], false, "ana", default);

        Assert.Equal([a, b], outcome.Taken);
        var reply = new AnswerService(_live, _model).AnswerIntent("pay", _live.Required.FindPosting(PostingId)!);
        Assert.Equal((ReplyKind.Answered, "Yes: the internship is paid."), (reply.Kind, reply.Text));
        Assert.Equal(["Is the internship paid?", "do interns get paid"], _live.Required.FindIntent("pay")!.Examples);
        Assert.Equal([AuditActions.InboxAnswer, AuditActions.AnswerUpdate, AuditActions.IntentCreate],
            (await _audit.RecentAsync(10, null, default)).Select(e => e.Action));
    }

    [Theory]
    [InlineData("Pay", "paid?", "Yes.", EditableKnowledge.PayPassage)]
    [InlineData("pay", "", "Yes.", EditableKnowledge.PayPassage)]
    [InlineData("pay", "paid?", "", EditableKnowledge.PayPassage)]
    [InlineData("pay", "paid?", "Yes.", "benefits/free-lunch")]
    [InlineData("duration", "paid?", "Yes.", EditableKnowledge.PayPassage)]
    public async Task A_refused_answer_takes_no_question(string name, string topic, string text, string source)
    {
        var a = await _log.AskAsync("Is the internship paid?", ReplyKind.OutOfScope);

        await Assert.ThrowsAsync<KnowledgeEditException>(() => Inbox().AnswerAsync([a], name, topic, PostingId, text, [source], false, "ana", default));

        Assert.Null((await _log.ReviewAsync(a)).Status);
        Assert.Empty(await _audit.RecentAsync(10, null, default));
    }

    [Fact]
    public async Task Without_channel_delivery_replying_is_refused_and_the_question_stays_open()
    {
        var a = await _log.AskAsync("Do you sponsor visas?", ReplyKind.OutOfScope);
        var inbox = Inbox();

        Assert.False(inbox.CanReply);
        var refusal = await Assert.ThrowsAsync<KnowledgeEditException>(() => inbox.ReplyAsync([a], "We do not, sorry.", "ana", default));

        Assert.Contains("not available", refusal.Message);
        Assert.Null((await _log.ReviewAsync(a)).Status);
    }

    [Fact]
    public async Task A_reply_goes_to_each_question_once_and_one_that_fails_is_opened_again()
    {
        var delivered = await _log.AskAsync("Do you sponsor visas?", ReplyKind.OutOfScope);
        var unreachable = await _log.AskAsync("will you sponsor my visa", ReplyKind.OutOfScope);
        var channel = new RecordingChannel(failFor: unreachable);
        var inbox = Inbox(channel);

        var outcome = await inbox.ReplyAsync([delivered, unreachable], "  We do not sponsor visas.  ", "ana", default);
        var again = await inbox.ReplyAsync([delivered], "Again?", "ben", default);

        Assert.Equal([delivered], outcome.Sent);
        Assert.Equal(unreachable, Assert.Single(outcome.Failed).MessageId);
        Assert.Equal([(delivered, "ana", "We do not sponsor visas."), (unreachable, "ana", "We do not sponsor visas.")], channel.Sent);
        Assert.Empty(again.Sent);
        Assert.Equal([delivered], again.NotOpen);
        Assert.Equal(("replied", "ana"), ((await _log.ReviewAsync(delivered)).Status, (await _log.ReviewAsync(delivered)).ReviewedBy));
        Assert.Null((await _log.ReviewAsync(unreachable)).Status);
        Assert.Equal(("ana", AuditActions.InboxReply), ((await _audit.RecentAsync(1, null, default))[0].Actor, (await _audit.RecentAsync(1, null, default))[0].Action));
    }

    [Fact]
    public async Task Dismissing_is_audited_once_and_a_second_dismissal_takes_nothing()
    {
        var a = await _log.AskAsync("Tell me a joke", ReplyKind.OutOfScope);

        var first = await Inbox().DismissAsync([a], "ana", default);
        var second = await Inbox().DismissAsync([a], "ben", default);

        Assert.Equal([a], first.Taken);
        Assert.Empty(second.Taken);
        Assert.Equal([a], second.NotOpen);
        var entry = Assert.Single(await _audit.RecentAsync(10, null, default));
        Assert.Equal(("ana", AuditActions.InboxDismiss), (entry.Actor, entry.Action));
    }

    [Fact]
    public async Task An_empty_or_oversized_selection_is_refused()
    {
        await Assert.ThrowsAsync<KnowledgeEditException>(() => Inbox().DismissAsync([], "ana", default));
        await Assert.ThrowsAsync<KnowledgeEditException>(() =>
            Inbox().DismissAsync(Enumerable.Range(1, InboxSettings.MaxPerAction + 1).Select(i => (long)i).ToList(), "ana", default));
    }

    /// <summary>
    /// Stands in for channel delivery (engineer "privacy" builds the Slack/Teams/web one): records what it was asked
    /// to send, and fails for one message as an unreachable candidate would.
    /// </summary>
    private sealed class RecordingChannel(long failFor) : IRecruiterReplies
    {
        public List<(long MessageId, string Author, string Text)> Sent { get; } = [];

        public Task<RecruiterReplyResult> SendAsync(long messageId, string author, string text, CancellationToken ct)
        {
            Sent.Add((messageId, author, text));
            return Task.FromResult(messageId == failFor
                ? new RecruiterReplyResult(Sent.Count, false, "The conversation reference has expired.")
                : new RecruiterReplyResult(Sent.Count, true, null));
        }
    }
}
