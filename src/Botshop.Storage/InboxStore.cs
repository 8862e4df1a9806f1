using Botshop.Core.Inbox;
using Botshop.Core.Knowledge;
using Botshop.Core.Knowledge.Editing;
using Dapper;

namespace Botshop.Storage;

/// <summary>
/// The inbox over the message log: which questions are open, and recruiters' decisions on them. A decision takes a
/// message with a conditional UPDATE (… WHERE review_status IS NULL), so of two recruiters deciding at once exactly
/// one takes each question, and its examples are written in that same transaction.
/// </summary>
public sealed class InboxStore(BotshopDatabase db) : IInboxStore
{
    // Each arm reads one range of a partial index of 0005_inbox.sql (the reply kinds are literals, not parameters, so
    // the planner can match them). The declined and voted-down arms stop at the newest @Limit in index order; the shaky
    // arm takes every open answer below the bound, as many as recruiters have left open: ordering it by time instead
    // would lead SQLite to walk every answer ever given, newest first, looking for low confidences.
    private const string OpenQuestionsSql = """
        SELECT m.id AS MessageId, m.question AS Text, m.channel, m.posting_id AS PostingId, m.intent, m.confidence,
               m.reply_kind AS ReplyKind, m.received_at AS ReceivedAt,
               (SELECT COUNT(*) FROM feedback f WHERE f.message_id = m.id AND f.vote = -1) AS DownVotes
        FROM messages m
        WHERE m.id IN (
            SELECT id FROM (
                SELECT id FROM messages
                WHERE review_status IS NULL AND reply_kind IN ('NotInPosting', 'OutOfScope', 'Ambiguous') AND question <> ''
                ORDER BY received_at DESC, id DESC LIMIT @Limit) declined
            UNION
            SELECT id FROM messages
            WHERE review_status IS NULL AND reply_kind = 'Answered' AND confidence < @Below AND question <> ''
            UNION
            SELECT id FROM (
                SELECT id FROM messages
                WHERE review_status IS NULL AND down_voted AND question <> ''
                ORDER BY received_at DESC, id DESC LIMIT @Limit) disliked
        )
        ORDER BY m.received_at DESC, m.id DESC
        LIMIT @Limit
        """;

    public async Task<IReadOnlyList<InboxQuestion>> OpenQuestionsAsync(float confidenceBelow, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<QuestionRow>(new CommandDefinition(
            OpenQuestionsSql, new { Below = (double)confidenceBelow, Limit = Math.Max(1, limit) }, cancellationToken: ct));
        return rows.Select(r => new InboxQuestion(r.MessageId, r.Text, r.Channel, r.PostingId, r.Intent,
            r.Confidence is null ? null : (float)r.Confidence.Value, r.ReplyKind, (int)r.DownVotes, StorageJson.FromUnixMs(r.ReceivedAt))).ToList();
    }

    public async Task<IReadOnlyList<long>> CloseAsync(
        IReadOnlyList<long> messageIds, ReviewStatus status, string reviewedBy, DateTimeOffset at, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var taken = await TakeAsync(tx, messageIds, status, reviewedBy, at, ct);
        await tx.CommitAsync(ct);
        return taken;
    }

    public async Task<bool> ReopenAsync(long messageId, ReviewStatus status, string reviewedBy, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var reopened = await tx.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE messages SET review_status = NULL, reviewed_by = NULL, reviewed_at = NULL
            WHERE id = @messageId AND review_status = @Status AND reviewed_by = @reviewedBy
            """,
            new { messageId, Status = status.ToStored(), reviewedBy }, tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return reopened > 0;
    }

    public async Task<InboxOutcome?> LabelAsync(
        IReadOnlyList<long> messageIds, string intent, bool moveConflicting, string reviewedBy, DateTimeOffset at, CancellationToken ct)
    {
        await using var tx = await db.BeginExclusiveAsync(StoreLock.KnowledgeEdits, ct);
        if (!await ExampleWriter.IntentExistsAsync(tx, intent, ct)) return null;
        var outcome = await TeachAsync(tx, messageIds, intent, moveConflicting, ReviewStatus.Labeled, reviewedBy, at, ct);
        await db.CommitKnowledgeAsync(tx, ct);
        return outcome;
    }

    public async Task<InboxOutcome?> AnswerAsync(
        IReadOnlyList<long> messageIds, NewIntent intent, string postingId, PostingAnswer answer, bool moveConflicting,
        string reviewedBy, DateTimeOffset at, CancellationToken ct)
    {
        await using var tx = await db.BeginExclusiveAsync(StoreLock.KnowledgeEdits, ct);
        if (!await KnowledgeEditStore.CreateIntentAsync(tx, intent.Name, intent.Topic, ct)) return null;
        var outcome = await TeachAsync(tx, messageIds, intent.Name, moveConflicting, ReviewStatus.Answered, reviewedBy, at, ct);
        // Nobody's questions taken (all reviewed meanwhile, or all taught elsewhere): disposing rolls the intent back.
        if (outcome.Taken.Count == 0) return outcome;
        await KnowledgeEditStore.UpsertLiveAnswerAsync(tx, intent.Name, postingId, answer, reviewedBy, at, ct);
        await db.CommitKnowledgeAsync(tx, ct);
        return outcome;
    }

    /// <summary>
    /// Takes the open messages that can be taught to <paramref name="intent"/> and writes their examples. The plan is
    /// made twice: once to know which questions can be taken, then again for those actually taken, since a concurrent
    /// reviewer (PostgreSQL) may have taken some between the read and the conditional update.
    /// </summary>
    private async Task<InboxOutcome> TeachAsync(
        StoreTransaction tx, IReadOnlyList<long> messageIds, string intent, bool moveConflicting, ReviewStatus status,
        string reviewedBy, DateTimeOffset at, CancellationToken ct)
    {
        var open = (await tx.Connection.QueryAsync<OpenMessageRow>(new CommandDefinition(
            $"SELECT id, question FROM messages WHERE {db.AnyOf("id", "@messageIds")} AND review_status IS NULL ORDER BY id",
            new { messageIds = messageIds.ToArray() }, tx.Transaction, cancellationToken: ct))).AsList();
        var planned = await ExampleWriter.PlanAsync(tx, intent, Candidates(open), moveConflicting, ct);
        var teachable = planned.Where(d => d.Outcome is ExampleOutcome.Add or ExampleOutcome.AlreadyThere or ExampleOutcome.Move)
            .Select(d => d.Candidate.SourceMessageId!.Value).ToList();

        var taken = await TakeAsync(tx, teachable, status, reviewedBy, at, ct);
        var takenSet = taken.ToHashSet();
        var final = await ExampleWriter.PlanAsync(tx, intent, Candidates(open.Where(m => takenSet.Contains(m.Id))), moveConflicting, ct);
        await ExampleWriter.ApplyAsync(tx, intent, final, reviewedBy, at, ct);

        var refused = planned.Where(d => !teachable.Contains(d.Candidate.SourceMessageId!.Value)).ToList();
        var decisions = final.Concat(refused)
            .Select(d => new MessageDecision(d.Candidate.SourceMessageId!.Value, d.Candidate.Text, d.Outcome, d.Existing?.Intent))
            .OrderBy(d => d.MessageId)
            .ToList();
        var notOpen = messageIds.Distinct().Where(id => !takenSet.Contains(id) && refused.All(r => r.Candidate.SourceMessageId != id)).ToList();
        return new InboxOutcome(taken, notOpen, decisions);
    }

    private static IEnumerable<ExampleCandidate> Candidates(IEnumerable<OpenMessageRow> messages) =>
        messages.Select(m => new ExampleCandidate(m.Question, m.Id));

    private async Task<IReadOnlyList<long>> TakeAsync(
        StoreTransaction tx, IReadOnlyList<long> messageIds, ReviewStatus status, string reviewedBy, DateTimeOffset at, CancellationToken ct)
    {
        if (messageIds.Count == 0) return [];
        var taken = await tx.Connection.QueryAsync<long>(new CommandDefinition($"""
            UPDATE messages SET review_status = @Status, reviewed_by = @reviewedBy, reviewed_at = @At
            WHERE {db.AnyOf("id", "@messageIds")} AND review_status IS NULL
            RETURNING id
            """,
            new { messageIds = messageIds.ToArray(), Status = status.ToStored(), reviewedBy, At = StorageJson.ToUnixMs(at) },
            tx.Transaction, cancellationToken: ct));
        return taken.Order().ToList();
    }

    private sealed class QuestionRow
    {
        public long MessageId { get; init; }
        public string Text { get; init; } = "";
        public string Channel { get; init; } = "";
        public string? PostingId { get; init; }
        public string? Intent { get; init; }
        public double? Confidence { get; init; }
        public string? ReplyKind { get; init; }
        public long ReceivedAt { get; init; }
        public long DownVotes { get; init; }
    }

    private sealed class OpenMessageRow
    {
        public long Id { get; init; }
        public string Question { get; init; } = "";
    }
}
