using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Core.Knowledge;
using Botshop.Storage.Conversations;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

public abstract class ConversationQueryTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private ConversationQuery Query => new(Db);
    private MessageLog? _messages;
    private MessageLog Messages => _messages ??= new(Db);

    private async Task<List<long>> IdsAsync(MessageFilter filter) =>
        (await Query.ListAsync(filter, null, PageDirection.Older, 100, default)).Messages.Select(m => m.Id).ToList();

    [Fact]
    public async Task Older_and_newer_cursors_walk_every_message_once_even_when_times_tie()
    {
        // Seven messages over four instants: ties on received_at are ordered by id.
        var at = new[] { 0, 1, 1, 1, 2, 2, 3 };
        var ids = new List<long>();
        foreach (var minute in at) ids.Add(await Messages.AskAsync(T0.AddMinutes(minute), $"question {ids.Count}"));
        var newestFirst = ids.AsEnumerable().Reverse().ToList();

        var pages = new List<MessagePage> { await Query.ListAsync(new(), null, PageDirection.Older, 3, default) };
        while (pages[^1].Older is { } older) pages.Add(await Query.ListAsync(new(), older, PageDirection.Older, 3, default));

        Assert.Equal(newestFirst, pages.SelectMany(p => p.Messages).Select(m => m.Id));
        Assert.Equal([3, 3, 1], pages.Select(p => p.Messages.Count));
        Assert.Null(pages[0].Newer);
        Assert.NotNull(pages[^1].Newer);

        // Back from the last page: the same pages, newest first within each.
        var back = await Query.ListAsync(new(), pages[^1].Newer, PageDirection.Newer, 3, default);
        Assert.Equal(pages[1].Messages.Select(m => m.Id), back.Messages.Select(m => m.Id));
        var first = await Query.ListAsync(new(), back.Newer, PageDirection.Newer, 3, default);
        Assert.Equal(pages[0].Messages.Select(m => m.Id), first.Messages.Select(m => m.Id));
        Assert.Null(first.Newer);
        Assert.Equal(back.Messages[0].Cursor, back.Newer);
    }

    [Fact]
    public async Task Each_filter_keeps_exactly_its_messages()
    {
        var answered = await Messages.AskAsync(T0, "How long is the internship?", MessageLog.Answered("duration", 0.9f));
        var unsure = await Messages.AskAsync(T0.AddHours(1), "Is it hybrid?", MessageLog.Answered("location", 0.3f), channel: "slack", conversation: "C1");
        var offTopic = await Messages.AskAsync(T0.AddHours(2), "What is the SALARY?", MessageLog.Declined(), posting: "data-eng");
        var notSaid = await Messages.AskAsync(T0.AddHours(3), "Is there a stipend?", MessageLog.Declined(ReplyKind.NotInPosting, 0.6f));
        var ambiguous = await Messages.AskAsync(T0.AddHours(4), "when?", MessageLog.Declined(ReplyKind.Ambiguous, 0.4f), channel: "msteams", conversation: "T1");
        var pending = await Messages.AskAsync(T0.AddHours(5), "salary range please");
        await Messages.VoteAsync(unsure, FeedbackVote.Down, channel: "slack");
        await Messages.VoteAsync(answered, FeedbackVote.Up);

        Assert.Equal([answered], await IdsAsync(new() { Outcome = MessageOutcome.Answered, ConfidenceBelow = null, Channel = "web" }));
        Assert.Equal([unsure, answered], await IdsAsync(new() { Outcome = MessageOutcome.Answered }));
        Assert.Equal([notSaid, offTopic], await IdsAsync(new() { Outcome = MessageOutcome.Declined }));
        Assert.Equal([offTopic], await IdsAsync(new() { PostingId = "data-eng" }));
        Assert.Equal([ambiguous], await IdsAsync(new() { Channel = "msteams" }));
        Assert.Equal([notSaid, offTopic], await IdsAsync(new() { From = T0.AddHours(2), To = T0.AddHours(4) }));
        Assert.Equal([ambiguous, offTopic, unsure], await IdsAsync(new() { ConfidenceBelow = 0.5 }));
        Assert.Equal([unsure], await IdsAsync(new() { ThumbsDownOnly = true }));
        Assert.Equal([pending, offTopic], await IdsAsync(new() { Search = "salary" }));
        Assert.Equal([notSaid], await IdsAsync(new() { Search = "  STIPEND " }));
        Assert.Equal([notSaid], await IdsAsync(new() { Outcome = MessageOutcome.Declined, PostingId = "phd-intern", ConfidenceBelow = 0.7 }));
        Assert.Empty(await IdsAsync(new() { Outcome = MessageOutcome.Declined, Channel = "slack" }));
    }

    [Fact]
    public async Task Search_takes_percent_underscore_and_backslash_literally()
    {
        var percent = await Messages.AskAsync(T0, "Is it 100% remote?");
        await Messages.AskAsync(T0.AddMinutes(1), "Is it 1000 remote?");
        var underscore = await Messages.AskAsync(T0.AddMinutes(2), "what is snake_case");
        await Messages.AskAsync(T0.AddMinutes(3), "what is snakeXcase");
        var slash = await Messages.AskAsync(T0.AddMinutes(4), @"C:\temp path");

        Assert.Equal([percent], await IdsAsync(new() { Search = "100%" }));
        Assert.Equal([underscore], await IdsAsync(new() { Search = "e_c" }));
        Assert.Equal([slash], await IdsAsync(new() { Search = @"C:\t" }));
    }

    [Fact]
    public async Task Rows_carry_the_reply_feedback_and_review_state()
    {
        var id = await Messages.AskAsync(T0, "How long?", MessageLog.Answered("duration", 0.875f, new Passage("p1", "Duration", "12 weeks", 1)));
        await Messages.VoteAsync(id, FeedbackVote.Up, user: "a");
        await Messages.VoteAsync(id, FeedbackVote.Up, user: "b");
        await Messages.VoteAsync(id, FeedbackVote.Down, user: "c");
        await Messages.MarkReviewedAsync(id, "labeled");

        var row = Assert.Single((await Query.ListAsync(new(), null, PageDirection.Older, 50, default)).Messages);

        Assert.Equal(("How long?", "duration", 0.875, (bool?)true, "Answered", "About duration."),
            (row.Question, row.Intent, row.Confidence, row.Answered, row.ReplyKind, row.AnswerText));
        Assert.Equal(["p1"], row.SourceIds);
        Assert.Equal(("7", "pending", "labeled", 2, 1), (row.ModelVersion, row.DeliveryStatus, row.ReviewStatus, row.ThumbsUp, row.ThumbsDown));
        Assert.Equal(T0, row.ReceivedAt);
    }

    [Fact]
    public async Task Export_reads_every_page_of_the_filter()
    {
        var declined = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            declined.Add(await Messages.AskAsync(T0.AddMinutes(i), $"off topic {i}", MessageLog.Declined()));
            await Messages.AskAsync(T0.AddMinutes(i), $"answered {i}", MessageLog.Answered("duration", 0.9f));
        }

        var exported = new List<long>();
        await foreach (var m in Query.ExportAsync(new MessageFilter { Outcome = MessageOutcome.Declined }, batchSize: 2, default)) exported.Add(m.Id);

        Assert.Equal(declined.AsEnumerable().Reverse(), exported);
    }

    [Fact]
    public async Task Thread_shows_each_question_with_its_cited_passages_votes_and_recruiter_replies()
    {
        await new KnowledgeStore(Db).ImportAsync(new KnowledgeBase(
            [new Posting("phd-intern", "PhD intern", ["Lisbon"],
                [new Passage("p1", "Duration", "The internship lasts 12 weeks.", 1), new Passage("p2", "Place", "Lisbon office.", 2)], "h")],
            []), default);
        var first = await Messages.AskAsync(T0, "How long?", MessageLog.Answered("duration", 0.9f,
            new Passage("p1", "Duration", "The internship lasts 12 weeks.", 1), new Passage("p9", "Gone", "Removed since.", 9)), conversation: "thread-1");
        var second = await Messages.AskAsync(T0.AddMinutes(1), "Salary?", MessageLog.Declined(), conversation: "thread-1");
        await Messages.AskAsync(T0.AddMinutes(2), "Other conversation", conversation: "thread-2");
        await Messages.VoteAsync(first, FeedbackVote.Down);
        await using (var connection = await Db.OpenAsync())
            await connection.ExecuteAsync("""
                INSERT INTO recruiter_replies (message_id, author, text, sent_at, delivery_status) VALUES (@second, 'ana', 'It is paid.', 5, 'delivered')
                """, new { second });
        var conversationId = (await Query.ListAsync(new(), null, PageDirection.Older, 50, default)).Messages.Single(m => m.Id == first).ConversationId;

        var thread = await Query.ThreadAsync(conversationId, null, default);

        Assert.NotNull(thread);
        Assert.Equal(("web", (long?)null), (thread.Channel, thread.EarlierBefore));
        Assert.Equal([first, second], thread.Entries.Select(e => e.Message.Id));
        var sources = thread.Entries[0].Sources;
        Assert.Equal([new CitedPassage("p1", "Duration", "The internship lasts 12 weeks."), new CitedPassage("p9", null, null)], sources);
        Assert.Equal(1, thread.Entries[0].Message.ThumbsDown);
        var reply = Assert.Single(thread.Entries[1].RecruiterReplies);
        Assert.Equal(("ana", "It is paid.", "delivered"), (reply.Author, reply.Text, reply.DeliveryStatus));
        Assert.Empty(thread.Entries[0].RecruiterReplies);
    }

    [Fact]
    public async Task A_long_thread_pages_back_from_its_earliest_shown_message()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await Messages.AskAsync(T0.AddMinutes(i), $"q{i}", conversation: "long"));
        var conversationId = (await Query.ListAsync(new(), null, PageDirection.Older, 1, default)).Messages[0].ConversationId;

        var latest = (await Query.ThreadAsync(conversationId, null, default, pageSize: 3))!;
        var earlier = (await Query.ThreadAsync(conversationId, latest.EarlierBefore, default, pageSize: 3))!;

        Assert.Equal(ids[2..], latest.Entries.Select(e => e.Message.Id));
        Assert.Equal(ids[2], latest.EarlierBefore);
        Assert.Equal(ids[..2], earlier.Entries.Select(e => e.Message.Id));
        Assert.Null(earlier.EarlierBefore);
    }

    [Fact]
    public async Task Unknown_conversation_has_no_thread() => Assert.Null(await Query.ThreadAsync(404, null, default));

    [Fact]
    public async Task Overview_counts_the_period_and_every_open_question()
    {
        var since = T0;
        await Messages.AskAsync(since.AddDays(-1), "old declined", MessageLog.Declined());
        await Messages.AskAsync(since, "sure answer", MessageLog.Answered("duration", 0.9f));
        var unsure = await Messages.AskAsync(since.AddHours(1), "unsure answer", MessageLog.Answered("duration", 0.3f));
        var disliked = await Messages.AskAsync(since.AddHours(2), "disliked answer", MessageLog.Answered("duration", 0.95f));
        await Messages.AskAsync(since.AddHours(3), "ambiguous", MessageLog.Declined(ReplyKind.Ambiguous, 0.5f));
        var reviewed = await Messages.AskAsync(since.AddHours(4), "reviewed", MessageLog.Declined(ReplyKind.NotInPosting));
        await Messages.AskAsync(since.AddHours(5), "help", MessageLog.Other(ReplyKind.Help));
        await Messages.AskAsync(since.AddHours(6), "no reply yet");
        await Messages.VoteAsync(disliked, FeedbackVote.Down);
        await Messages.VoteAsync(disliked, FeedbackVote.Down, user: "second voter");
        await Messages.VoteAsync(unsure, FeedbackVote.Down); // counted once, as unsure
        await Messages.MarkReviewedAsync(reviewed, "dismissed");

        var overview = await new OverviewQuery(Db).GetAsync(since, lowConfidence: 0.5, default);

        // Open: old declined, unsure, disliked, ambiguous. Not: sure, reviewed, help, no reply yet.
        Assert.Equal(new WorkspaceOverview(Messages: 7, Answered: 3, OpenInbox: 4, OpenInboxAtLeast: false, ThumbsDown: 3), overview);
        Assert.Equal(3.0 / 7, overview.AnsweredShare);
    }

    [Fact]
    public async Task Overview_says_at_least_when_it_stops_counting()
    {
        for (var i = 0; i < 3; i++) await Messages.AskAsync(T0.AddMinutes(i), $"declined {i}", MessageLog.Declined());
        for (var i = 0; i < 3; i++)
            await Messages.VoteAsync(await Messages.AskAsync(T0.AddMinutes(10 + i), $"fine {i}", MessageLog.Answered("duration", 0.9f)), FeedbackVote.Down);

        var exact = await new OverviewQuery(Db, openCountCap: 3, recentVotes: 3).GetAsync(T0, 0.5, default);
        var cappedKind = await new OverviewQuery(Db, openCountCap: 2, recentVotes: 3).GetAsync(T0, 0.5, default);
        var fewerVotes = await new OverviewQuery(Db, openCountCap: 3, recentVotes: 2).GetAsync(T0, 0.5, default);

        Assert.Equal((6L, false), (exact.OpenInbox, exact.OpenInboxAtLeast));
        Assert.Equal((5L, true), (cappedKind.OpenInbox, cappedKind.OpenInboxAtLeast));
        Assert.Equal((5L, true), (fewerVotes.OpenInbox, fewerVotes.OpenInboxAtLeast));
    }
}
