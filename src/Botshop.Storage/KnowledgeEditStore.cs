using Botshop.Core.Knowledge;
using Botshop.Core.Knowledge.Editing;
using Dapper;

namespace Botshop.Storage;

/// <summary>One edit at a time to the live knowledge (intents, examples, answers, drafts included), with who and when.</summary>
public sealed class KnowledgeEditStore(BotshopDatabase db) : IKnowledgeEditStore
{
    public async Task<IReadOnlyList<IntentSummary>> ListIntentsAsync(string? search, CancellationToken ct)
    {
        await using var tx = await db.BeginSnapshotAsync(ct);
        var intents = await tx.Connection.QueryAsync<IntentRow>(new CommandDefinition("""
            SELECT i.name, i.topic, (SELECT COUNT(*) FROM examples e WHERE e.intent_name = i.name) AS ExampleCount
            FROM intents i
            WHERE CAST(@Pattern AS TEXT) IS NULL
               OR lower(i.name) LIKE @Pattern ESCAPE '\' OR lower(i.topic) LIKE @Pattern ESCAPE '\'
               OR EXISTS (SELECT 1 FROM examples e WHERE e.intent_name = i.name AND lower(e.text) LIKE @Pattern ESCAPE '\')
            ORDER BY i.name
            """,
            new { Pattern = search is null ? null : "%" + EscapeLike(search.ToLowerInvariant()) + "%" },
            tx.Transaction, cancellationToken: ct));
        var answers = (await tx.Connection.QueryAsync<AnswerKeyRow>(new CommandDefinition(
            "SELECT intent_name AS Intent, posting_id AS PostingId, status FROM answers ORDER BY posting_id",
            transaction: tx.Transaction, cancellationToken: ct))).ToLookup(a => a.Intent, StringComparer.Ordinal);
        await db.CommitKnowledgeAsync(tx, ct);
        return intents.Select(i => new IntentSummary(
            i.Name, i.Topic, (int)i.ExampleCount,
            answers[i.Name].Where(a => a.Status == LiveStatus).Select(a => a.PostingId).ToList(),
            answers[i.Name].Where(a => a.Status != LiveStatus).Select(a => a.PostingId).ToList())).ToList();
    }

    public async Task<IntentDetail?> GetIntentAsync(string name, CancellationToken ct)
    {
        await using var tx = await db.BeginSnapshotAsync(ct);
        var intent = await tx.Connection.QuerySingleOrDefaultAsync<IntentRow>(new CommandDefinition(
            "SELECT name, topic FROM intents WHERE name = @name", new { name }, tx.Transaction, cancellationToken: ct));
        if (intent is null) return null;
        var examples = await tx.Connection.QueryAsync<ExampleRow>(new CommandDefinition("""
            SELECT position, text, source_message_id AS SourceMessageId, added_by AS AddedBy, added_at AS AddedAt
            FROM examples WHERE intent_name = @name ORDER BY position
            """, new { name }, tx.Transaction, cancellationToken: ct));
        var answers = await tx.Connection.QueryAsync<AnswerRow>(new CommandDefinition("""
            SELECT posting_id AS PostingId, text, source_ids AS SourceIds, status, updated_by AS UpdatedBy, updated_at AS UpdatedAt
            FROM answers WHERE intent_name = @name ORDER BY posting_id
            """, new { name }, tx.Transaction, cancellationToken: ct));
        await db.CommitKnowledgeAsync(tx, ct);
        return new IntentDetail(intent.Name, intent.Topic,
            examples.Select(e => new ExampleEntry(e.Position, e.Text, e.SourceMessageId, e.AddedBy, Time(e.AddedAt))).ToList(),
            answers.Select(a => a.ToEntry()).ToList());
    }

    public async Task<IReadOnlyList<PostingHeader>> ListPostingsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PostingHeader>(new CommandDefinition(
            "SELECT id, title FROM postings ORDER BY id", cancellationToken: ct))).AsList();
    }

    public async Task<Posting?> GetPostingAsync(string postingId, CancellationToken ct)
    {
        await using var tx = await db.BeginSnapshotAsync(ct);
        var posting = await tx.Connection.QuerySingleOrDefaultAsync<KnowledgeStore.PostingRow>(new CommandDefinition(
            "SELECT id, title, locations, content_hash AS ContentHash FROM postings WHERE id = @postingId",
            new { postingId }, tx.Transaction, cancellationToken: ct));
        if (posting is null) return null;
        var passages = await tx.Connection.QueryAsync<KnowledgeStore.PassageRow>(new CommandDefinition(
            "SELECT id, section, text, ordinal FROM passages WHERE posting_id = @postingId ORDER BY position",
            new { postingId }, tx.Transaction, cancellationToken: ct));
        await db.CommitKnowledgeAsync(tx, ct);
        return new Posting(posting.Id, posting.Title, StorageJson.Read<List<string>>(posting.Locations),
            passages.Select(p => new Passage(p.Id, p.Section, p.Text, p.Ordinal)).ToList(), posting.ContentHash);
    }

    public async Task<bool> CreateIntentAsync(string name, string topic, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var created = await CreateIntentAsync(tx, name, topic, ct);
        await db.CommitKnowledgeAsync(tx, ct);
        return created;
    }

    /// <summary>Inserts the intent in <paramref name="tx"/>; false when the name is taken (the key decides, not a prior read).</summary>
    internal static async Task<bool> CreateIntentAsync(StoreTransaction tx, string name, string topic, CancellationToken ct) =>
        await tx.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO intents (name, topic) VALUES (@name, @topic) ON CONFLICT (name) DO NOTHING",
            new { name, topic }, tx.Transaction, cancellationToken: ct)) == 1;

    public async Task<string?> SetTopicAsync(string name, string topic, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var before = await tx.Connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT topic FROM intents WHERE name = @name", new { name }, tx.Transaction, cancellationToken: ct));
        if (before is null) return null;
        await tx.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE intents SET topic = @topic WHERE name = @name", new { name, topic }, tx.Transaction, cancellationToken: ct));
        await db.CommitKnowledgeAsync(tx, ct);
        return before;
    }

    public async Task<IReadOnlyList<ExampleDecision>?> AddExamplesAsync(
        string intent, IReadOnlyList<ExampleCandidate> candidates, bool moveConflicting, string addedBy, DateTimeOffset at, CancellationToken ct)
    {
        await using var tx = await db.BeginExclusiveAsync(StoreLock.KnowledgeEdits, ct);
        if (!await ExampleWriter.IntentExistsAsync(tx, intent, ct)) return null;
        var plan = await ExampleWriter.PlanAsync(tx, intent, candidates, moveConflicting, ct);
        await ExampleWriter.ApplyAsync(tx, intent, plan, addedBy, at, ct);
        await db.CommitKnowledgeAsync(tx, ct);
        return plan;
    }

    public async Task<bool> RemoveExampleAsync(string intent, int position, string text, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var removed = await tx.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM examples WHERE intent_name = @intent AND position = @position AND text = @text",
            new { intent, position, text }, tx.Transaction, cancellationToken: ct));
        await db.CommitKnowledgeAsync(tx, ct);
        return removed > 0;
    }

    public async Task<AnswerEntry?> SetAnswerAsync(
        string intent, string postingId, PostingAnswer answer, string updatedBy, DateTimeOffset at, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var before = await tx.Connection.QuerySingleOrDefaultAsync<AnswerRow>(new CommandDefinition("""
            SELECT posting_id AS PostingId, text, source_ids AS SourceIds, status, updated_by AS UpdatedBy, updated_at AS UpdatedAt
            FROM answers WHERE intent_name = @intent AND posting_id = @postingId
            """, new { intent, postingId }, tx.Transaction, cancellationToken: ct));
        await UpsertLiveAnswerAsync(tx, intent, postingId, answer, updatedBy, at, ct);
        await db.CommitKnowledgeAsync(tx, ct);
        return before?.ToEntry();
    }

    /// <summary>Writes the (intent, posting) answer as live in <paramref name="tx"/>, replacing a draft or an older answer.</summary>
    internal static Task UpsertLiveAnswerAsync(
        StoreTransaction tx, string intent, string postingId, PostingAnswer answer, string updatedBy, DateTimeOffset at, CancellationToken ct) =>
        tx.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO answers (intent_name, posting_id, text, source_ids, status, updated_by, updated_at)
            VALUES (@Intent, @PostingId, @Text, @SourceIds, 'live', @UpdatedBy, @UpdatedAt)
            ON CONFLICT (intent_name, posting_id) DO UPDATE SET
                text = excluded.text, source_ids = excluded.source_ids, status = 'live',
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """,
            new
            {
                Intent = intent,
                PostingId = postingId,
                answer.Text,
                SourceIds = StorageJson.Write(answer.SourceIds),
                UpdatedBy = updatedBy,
                UpdatedAt = StorageJson.ToUnixMs(at),
            },
            tx.Transaction, cancellationToken: ct));

    public async Task<AnswerEntry?> RemoveAnswerAsync(string intent, string postingId, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var removed = await tx.Connection.QuerySingleOrDefaultAsync<AnswerRow>(new CommandDefinition("""
            DELETE FROM answers WHERE intent_name = @intent AND posting_id = @postingId
            RETURNING posting_id AS PostingId, text, source_ids AS SourceIds, status, updated_by AS UpdatedBy, updated_at AS UpdatedAt
            """, new { intent, postingId }, tx.Transaction, cancellationToken: ct));
        await db.CommitKnowledgeAsync(tx, ct);
        return removed?.ToEntry();
    }

    private const string LiveStatus = "live";

    private static DateTimeOffset? Time(long? ms) => ms is null ? null : StorageJson.FromUnixMs(ms.Value);

    /// <summary>LIKE treats % and _ as wildcards: a search for "office_days" must match those characters literally.</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private sealed class IntentRow
    {
        public string Name { get; init; } = "";
        public string Topic { get; init; } = "";
        public long ExampleCount { get; init; }
    }

    private sealed class AnswerKeyRow
    {
        public string Intent { get; init; } = "";
        public string PostingId { get; init; } = "";
        public string Status { get; init; } = "";
    }

    private sealed class ExampleRow
    {
        public int Position { get; init; }
        public string Text { get; init; } = "";
        public long? SourceMessageId { get; init; }
        public string? AddedBy { get; init; }
        public long? AddedAt { get; init; }
    }

    private sealed class AnswerRow
    {
        public string PostingId { get; init; } = "";
        public string Text { get; init; } = "";
        public string SourceIds { get; init; } = "[]";
        public string Status { get; init; } = LiveStatus;
        public string? UpdatedBy { get; init; }
        public long? UpdatedAt { get; init; }

        public AnswerEntry ToEntry() => new(PostingId, Text, StorageJson.Read<List<string>>(SourceIds),
            Status == LiveStatus ? AnswerStatus.Live : AnswerStatus.Draft, UpdatedBy, Time(UpdatedAt));
    }
}
