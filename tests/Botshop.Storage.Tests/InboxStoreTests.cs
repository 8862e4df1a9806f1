using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Core.Inbox;
using Botshop.Core.Knowledge;
using Botshop.Core.Knowledge.Editing;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

/// <summary>Which logged questions are in the inbox, and what each decision writes; each question is taken once.</summary>
public abstract class InboxStoreTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ReviewedAt = T0.AddDays(1);
    private const float Below = 0.6f;

    private InboxStore Store => new(Db);
    private LoggedQuestions _log = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await EditableKnowledge.SeedAsync(Db);
        _log = new LoggedQuestions(Db, T0);
    }

    [Fact]
    public async Task Declined_ambiguous_shaky_and_disliked_questions_are_open_newest_first()
    {
        var notInPosting = await _log.AskAsync("Is there a stipend?", ReplyKind.NotInPosting, "pay", 0.7f);
        var outOfScope = await _log.AskAsync("Do you sponsor visas?", ReplyKind.OutOfScope, null, 0.2f, channel: "slack");
        var ambiguous = await _log.AskAsync("When and where?", ReplyKind.Ambiguous, "duration", 0.45f);
        var shaky = await _log.AskAsync("how long roughly", ReplyKind.Answered, "duration", 0.55f);
        var confident = await _log.AskAsync("How long is it?", ReplyKind.Answered, "duration", 0.95f);
        var disliked = await _log.AskAsync("Where is it?", ReplyKind.Answered, "location", 0.9f);
        await _log.VoteAsync(disliked, FeedbackVote.Down, "u_a");
        await _log.VoteAsync(disliked, FeedbackVote.Down, "u_b");
        var liked = await _log.AskAsync("Where exactly?", ReplyKind.Answered, "location", 0.9f);
        await _log.VoteAsync(liked, FeedbackVote.Up);
        await _log.AskAsync("hello", ReplyKind.Help, null, 0f);
        await _log.AskAsync("How long?", ReplyKind.ChoosePosting, null, 0f);
        await _log.AskUnansweredAsync("Still being answered?");
        await _log.AskAsync("", ReplyKind.NotInPosting, "pay", 1f);

        var open = await Store.OpenQuestionsAsync(Below, 100, default);

        Assert.Equal([disliked, shaky, ambiguous, outOfScope, notInPosting], open.Select(q => q.MessageId));
        Assert.DoesNotContain(confident, open.Select(q => q.MessageId));
        var visa = open.Single(q => q.MessageId == outOfScope);
        Assert.Equal(("Do you sponsor visas?", "slack", EditableKnowledge.PostingId, null, "OutOfScope", T0.AddMinutes(2)),
            (visa.Text, visa.Channel, visa.PostingId, visa.Intent, visa.ReplyKind, visa.ReceivedAt));
        Assert.Equal(0.2f, visa.Confidence!.Value, 0.0001f);
        Assert.Equal(2, open.Single(q => q.MessageId == disliked).DownVotes);
    }

    [Fact]
    public async Task A_vote_changed_to_thumbs_up_takes_the_question_out_unless_someone_else_still_votes_down()
    {
        var id = await _log.AskAsync("Where is it?", ReplyKind.Answered, "location", 0.9f);
        await _log.VoteAsync(id, FeedbackVote.Down, "u_a");
        await _log.VoteAsync(id, FeedbackVote.Down, "u_b");

        await _log.VoteAsync(id, FeedbackVote.Up, "u_a");
        Assert.Equal(1, Assert.Single(await Store.OpenQuestionsAsync(Below, 10, default)).DownVotes);

        await _log.VoteAsync(id, FeedbackVote.Up, "u_b");
        Assert.Empty(await Store.OpenQuestionsAsync(Below, 10, default));
    }

    [Fact]
    public async Task The_confidence_bound_is_a_parameter_and_the_limit_keeps_the_newest()
    {
        var older = await _log.AskAsync("how long roughly", ReplyKind.Answered, "duration", 0.7f);
        var newer = await _log.AskAsync("how long about", ReplyKind.Answered, "duration", 0.75f);

        Assert.Empty(await Store.OpenQuestionsAsync(0.6f, 10, default));
        Assert.Equal([newer, older], (await Store.OpenQuestionsAsync(0.8f, 10, default)).Select(q => q.MessageId));
        Assert.Equal([newer], (await Store.OpenQuestionsAsync(0.8f, 1, default)).Select(q => q.MessageId));
    }

    [Fact]
    public async Task A_reviewed_question_leaves_the_inbox_and_is_not_taken_twice()
    {
        var visa = await _log.AskAsync("Do you sponsor visas?", ReplyKind.OutOfScope);
        var stipend = await _log.AskAsync("Is there a stipend?", ReplyKind.OutOfScope);

        var first = await Store.CloseAsync([visa], ReviewStatus.Dismissed, "ana", ReviewedAt, default);
        var second = await Store.CloseAsync([visa, stipend], ReviewStatus.Dismissed, "ben", ReviewedAt, default);

        Assert.Equal([visa], first);
        Assert.Equal([stipend], second);
        var review = await _log.ReviewAsync(visa);
        Assert.Equal(("dismissed", "ana", ReviewedAt.ToUnixTimeMilliseconds()), (review.Status, review.ReviewedBy, review.ReviewedAt));
        Assert.Empty(await Store.OpenQuestionsAsync(Below, 10, default));
    }

    [Fact]
    public async Task Reopening_needs_the_same_reviewer_and_status()
    {
        var visa = await _log.AskAsync("Do you sponsor visas?", ReplyKind.OutOfScope);
        await Store.CloseAsync([visa], ReviewStatus.Replied, "ana", ReviewedAt, default);

        Assert.False(await Store.ReopenAsync(visa, ReviewStatus.Replied, "ben", default));
        Assert.False(await Store.ReopenAsync(visa, ReviewStatus.Dismissed, "ana", default));
        Assert.True(await Store.ReopenAsync(visa, ReviewStatus.Replied, "ana", default));

        Assert.Null((await _log.ReviewAsync(visa)).Status);
        Assert.Equal([visa], (await Store.OpenQuestionsAsync(Below, 10, default)).Select(q => q.MessageId));
    }

    [Fact]
    public async Task Labeling_teaches_new_questions_as_examples_with_their_origin()
    {
        var fresh = await _log.AskAsync("How many weeks in total?", ReplyKind.Answered, "duration", 0.5f);
        var known = await _log.AskAsync("how long is the internship", ReplyKind.Answered, "duration", 0.5f);

        var outcome = (await Store.LabelAsync([fresh, known], "duration", moveConflicting: false, "ana", ReviewedAt, default))!;

        Assert.Equal([fresh, known], outcome.Taken);
        Assert.Empty(outcome.NotOpen);
        Assert.Equal([ExampleOutcome.Add, ExampleOutcome.AlreadyThere], outcome.Decisions.Select(d => d.Outcome));
        Assert.Equal(1, outcome.ExamplesAdded);
        var example = Assert.Single(await ExamplesAsync("duration"), e => e.SourceMessageId is not null);
        Assert.Equal(("How many weeks in total?", fresh, "ana", ReviewedAt.ToUnixTimeMilliseconds(), 2),
            (example.Text, example.SourceMessageId, example.AddedBy, example.AddedAt, example.Position));
        Assert.Equal(("labeled", "ana"), ((await _log.ReviewAsync(known)).Status, (await _log.ReviewAsync(known)).ReviewedBy));
    }

    [Fact]
    public async Task A_question_another_intent_has_stays_open_unless_moved()
    {
        var stipend = await _log.AskAsync("Is there a stipend?", ReplyKind.OutOfScope);

        var refused = (await Store.LabelAsync([stipend], "location", moveConflicting: false, "ana", ReviewedAt, default))!;

        Assert.Empty(refused.Taken);
        Assert.Equal((ExampleOutcome.Conflict, Intent.OutOfScope), (refused.Decisions[0].Outcome, refused.Decisions[0].ConflictIntent));
        Assert.Null((await _log.ReviewAsync(stipend)).Status);

        var moved = (await Store.LabelAsync([stipend], "location", moveConflicting: true, "ana", ReviewedAt, default))!;

        Assert.Equal([stipend], moved.Taken);
        Assert.Equal(ExampleOutcome.Move, moved.Decisions[0].Outcome);
        Assert.DoesNotContain("is there a stipend", (await ExamplesAsync(Intent.OutOfScope)).Select(e => e.Text));
        Assert.Contains("Is there a stipend?", (await ExamplesAsync("location")).Select(e => e.Text));
    }

    [Fact]
    public async Task Labeling_to_an_unknown_intent_takes_nothing()
    {
        var visa = await _log.AskAsync("Do you sponsor visas?", ReplyKind.OutOfScope);

        Assert.Null(await Store.LabelAsync([visa], "visas", false, "ana", ReviewedAt, default));
        Assert.Null((await _log.ReviewAsync(visa)).Status);
    }

    [Fact]
    public async Task Answering_creates_the_intent_its_answer_and_its_examples_in_one_go()
    {
        var a = await _log.AskAsync("Do I get paid?", ReplyKind.OutOfScope);
        var b = await _log.AskAsync("is the internship paid", ReplyKind.OutOfScope);
        var answer = new PostingAnswer("Yes, it is paid.", [EditableKnowledge.PayPassage]);

        var outcome = (await Store.AnswerAsync([a, b], new NewIntent("pay", "whether it is paid"), EditableKnowledge.PostingId, answer, false, "ana", ReviewedAt, default))!;

        Assert.Equal([a, b], outcome.Taken);
        var served = (await new KnowledgeStore(Db).LoadAsync(default)).FindIntent("pay")!;
        Assert.Equal(("whether it is paid", "Yes, it is paid."), (served.Topic, served.Answers[EditableKnowledge.PostingId].Text));
        Assert.Equal(["Do I get paid?", "is the internship paid"], served.Examples);
        Assert.Equal("answered", (await _log.ReviewAsync(a)).Status);
        await using var connection = await Db.OpenAsync();
        Assert.Equal("ana", await connection.ExecuteScalarAsync<string>("SELECT updated_by FROM answers WHERE intent_name = 'pay'"));
    }

    [Fact]
    public async Task Answering_with_a_taken_name_or_with_no_open_question_creates_nothing()
    {
        var a = await _log.AskAsync("Do I get paid?", ReplyKind.OutOfScope);
        var answer = new PostingAnswer("Yes.", [EditableKnowledge.PayPassage]);
        Assert.Null(await Store.AnswerAsync([a], new NewIntent("duration", "x"), EditableKnowledge.PostingId, answer, false, "ana", ReviewedAt, default));
        await Store.CloseAsync([a], ReviewStatus.Dismissed, "ben", ReviewedAt, default);

        var outcome = (await Store.AnswerAsync([a], new NewIntent("pay", "pay"), EditableKnowledge.PostingId, answer, false, "ana", ReviewedAt, default))!;

        Assert.Empty(outcome.Taken);
        Assert.Equal([a], outcome.NotOpen);
        Assert.Null((await new KnowledgeStore(Db).LoadAsync(default)).FindIntent("pay"));
        Assert.Equal(("dismissed", "ben"), ((await _log.ReviewAsync(a)).Status, (await _log.ReviewAsync(a)).ReviewedBy));
    }

    [Fact]
    public async Task Two_recruiters_deciding_on_the_same_questions_at_once_each_take_a_question_once()
    {
        var ids = new List<long>();
        for (var i = 0; i < 20; i++) ids.Add(await _log.AskAsync($"Can I start in week {i}?", ReplyKind.OutOfScope));
        var stores = new[] { Store, new InboxStore(ConnectAgain()), new InboxStore(ConnectAgain()) };

        var outcomes = await Task.WhenAll(
            Task.Run(async () => (await stores[0].LabelAsync(ids, "duration", false, "ana", ReviewedAt, default))!.Taken),
            Task.Run(async () => (await stores[1].LabelAsync(ids, "location", false, "ben", ReviewedAt, default))!.Taken),
            Task.Run(() => stores[2].CloseAsync(ids, ReviewStatus.Dismissed, "cy", ReviewedAt, default)));

        var taken = outcomes.SelectMany(t => t).ToList();
        Assert.Equal(ids.Order(), taken.Order());
        await using var connection = await Db.OpenAsync();
        var taught = (await connection.QueryAsync<long>("SELECT source_message_id FROM examples WHERE source_message_id IS NOT NULL")).ToList();
        Assert.Equal(outcomes[0].Concat(outcomes[1]).Order(), taught.Order());
        Assert.Equal(outcomes[0].Count, (await ExamplesAsync("duration")).Count(e => e.SourceMessageId is not null));
        Assert.Equal(ids.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM messages WHERE review_status IS NOT NULL"));
    }

    private async Task<List<ExampleRow>> ExamplesAsync(string intent)
    {
        await using var connection = await Db.OpenAsync();
        return (await connection.QueryAsync<ExampleRow>("""
            SELECT text, position, source_message_id AS SourceMessageId, added_by AS AddedBy, added_at AS AddedAt
            FROM examples WHERE intent_name = @intent ORDER BY position
            """, new { intent })).AsList();
    }

    private sealed class ExampleRow
    {
        public string Text { get; init; } = "";
        public int Position { get; init; }
        public long? SourceMessageId { get; init; }
        public string? AddedBy { get; init; }
        public long? AddedAt { get; init; }
    }
}
