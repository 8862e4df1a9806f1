using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Dapper;

namespace Botshop.Storage.Conversations;

/// <summary>
/// The recruiters' view of the conversation log: a filtered list paged newest first by the keyset (received_at, id),
/// its export, and one conversation's thread. Every filter lands on an index of migrations 0001/0002, so a page reads
/// about as many index entries as it shows, whatever the table's size (docs/benchmarks.md measures it at a million
/// rows). A free-text search of three characters or more is read from the text index of migration 0009 when it has
/// few hits (SQLite: FTS5; PostgreSQL's planner uses its pg_trgm index by itself).
/// </summary>
public sealed class ConversationQuery(BotshopDatabase db)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;
    public const int ThreadPageSize = 200;

    /// <summary>
    /// A search with fewer text-index hits than this reads them all and sorts them (about 10 µs a hit on SQLite); one
    /// with more walks the keyset index testing each row, which meets a page of hits after about 51 x rows / hits rows
    /// (about 0.5 µs a row). At 2 000 both stay near 20 ms at a million messages (docs/benchmarks.md); the walk grows
    /// with the table, so a store ten times larger would want this near 5 000.
    /// </summary>
    public const int TextIndexDrivesBelow = 2_000;

    /// <summary>For tests: the hit count at or above which the search walks the keyset index instead.</summary>
    internal int TextIndexCap { get; init; } = TextIndexDrivesBelow;

    public async Task<MessagePage> ListAsync(MessageFilter filter, MessageCursor? cursor, PageDirection direction, int pageSize, CancellationToken ct)
    {
        if (direction == PageDirection.Newer && cursor is null) throw new ArgumentException("Paging to newer rows needs a cursor.", nameof(cursor));
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var connection = await db.OpenAsync(ct);
        var byTextIndex = await DriveByTextIndexAsync(connection, filter, ct);
        var (sql, parameters) = Build(filter, cursor, direction, pageSize + 1, byTextIndex);
        var rows = (await connection.QueryAsync<MessageColumns.Row>(new CommandDefinition(sql, parameters, cancellationToken: ct)))
            .Select(r => r.ToMessage()).ToList();

        var more = rows.Count > pageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (direction == PageDirection.Newer) rows.Reverse();
        if (rows.Count == 0) return new MessagePage(rows, Older: null, Newer: null);
        // Reading older: there are newer rows exactly when we came from a cursor. Reading newer: the cursor row is older.
        MessageCursor? older = direction == PageDirection.Older && !more ? null : rows[^1].Cursor;
        MessageCursor? newer = (direction == PageDirection.Newer && !more) || (direction == PageDirection.Older && cursor is null)
            ? null : rows[0].Cursor;
        return new MessagePage(rows, older, newer);
    }

    /// <summary>Every message the filter matches, newest first, read page by page so no query or transaction runs long.</summary>
    public IAsyncEnumerable<LoggedMessage> ExportAsync(MessageFilter filter, CancellationToken ct) => ExportAsync(filter, MaxPageSize, ct);

    internal async IAsyncEnumerable<LoggedMessage> ExportAsync(MessageFilter filter, int batchSize, [EnumeratorCancellation] CancellationToken ct)
    {
        MessageCursor? cursor = null;
        do
        {
            var page = await ListAsync(filter, cursor, PageDirection.Older, batchSize, ct);
            foreach (var message in page.Messages) yield return message;
            cursor = page.Older;
        }
        while (cursor is not null);
    }

    /// <summary>Whether the search is better read from the text index's hits than by walking a keyset index.</summary>
    internal async Task<bool> DriveByTextIndexAsync(DbConnection connection, MessageFilter filter, CancellationToken ct)
    {
        if (db.Dialect.FromTextIndexHits is null || string.IsNullOrWhiteSpace(filter.Search)) return false;
        var search = QuestionSearch.From(filter.Search);
        return search.UsesTextIndex && await db.Dialect.CountTextIndexHitsAsync(connection, search.Phrase, TextIndexCap, ct) < TextIndexCap;
    }

    internal (string Sql, DynamicParameters Parameters) Build(MessageFilter filter, MessageCursor? cursor, PageDirection direction, int limit,
        bool byTextIndex = false)
    {
        // Only fixed fragments are joined here; every value travels as a parameter.
        var where = new List<string>();
        var p = new DynamicParameters();
        if (filter.PostingId is { } posting) Add("m.posting_id = @PostingId", "PostingId", posting);
        if (filter.Channel is { } channel) Add("m.channel = @Channel", "Channel", channel);
        if (filter.From is { } from) Add("m.received_at >= @From", "From", StorageJson.ToUnixMs(from));
        if (filter.To is { } to) Add("m.received_at < @To", "To", StorageJson.ToUnixMs(to));
        if (filter.Outcome == MessageOutcome.Answered) where.Add("m.answered = TRUE");
        if (filter.Outcome == MessageOutcome.Declined) where.Add($"m.reply_kind IN ({MessageColumns.DeclinedKinds})");
        if (filter.ConfidenceBelow is { } below) Add("m.confidence < @Below", "Below", below);
        if (filter.ThumbsDownOnly) where.Add(MessageColumns.HasThumbsDown);
        // The LIKE decides even when the text index found the rows: its hits fold case beyond ASCII, so they may be more.
        if (!string.IsNullOrWhiteSpace(filter.Search))
            Add($"m.question {db.Dialect.LikeIgnoringCase} @Pattern ESCAPE '\\'", "Pattern", ContainsPattern(filter.Search));
        var source = MessageColumns.Select;
        if (byTextIndex && filter.Search is { } searched && db.Dialect.FromTextIndexHits is { } hits)
        {
            source = MessageColumns.Columns + "\n" + hits;
            p.Add("Phrase", QuestionSearch.From(searched).Phrase);
        }
        if (cursor is { } c)
        {
            where.Add(direction == PageDirection.Older ? "(m.received_at, m.id) < (@CursorAt, @CursorId)" : "(m.received_at, m.id) > (@CursorAt, @CursorId)");
            p.Add("CursorAt", c.ReceivedAtMs);
            p.Add("CursorId", c.Id);
        }
        p.Add("Limit", limit);

        var sql = new StringBuilder(source);
        if (where.Count > 0) sql.Append("\nWHERE ").AppendJoin("\n  AND ", where);
        sql.Append(direction == PageDirection.Older
            ? "\nORDER BY m.received_at DESC, m.id DESC"
            : "\nORDER BY m.received_at, m.id");
        sql.Append("\nLIMIT @Limit");
        return (sql.ToString(), p);

        void Add(string clause, string name, object value)
        {
            where.Add(clause);
            p.Add(name, value);
        }
    }

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, its own % _ and \ taken literally.</summary>
    internal static string ContainsPattern(string text) => QuestionSearch.From(text).Pattern;

    public async Task<ConversationThread?> ThreadAsync(long conversationId, long? before, CancellationToken ct, int pageSize = ThreadPageSize)
    {
        // One snapshot: a reply recorded between these reads must not show half.
        await using var tx = await db.BeginSnapshotAsync(ct);
        var conversation = await tx.Connection.QuerySingleOrDefaultAsync<ConversationRow>(new CommandDefinition("""
            SELECT id, channel, posting_id AS PostingId, created_at AS CreatedAt, last_activity_at AS LastActivityAt
            FROM conversations WHERE id = @Id
            """, new { Id = conversationId }, tx.Transaction, cancellationToken: ct));
        if (conversation is null) return null;

        // Two statements rather than "@Before IS NULL OR …", which would keep the index from bounding the scan.
        var range = before is null ? "" : "AND m.id < @Before";
        var rows = (await tx.Connection.QueryAsync<MessageColumns.Row>(new CommandDefinition($"""
            {MessageColumns.Select}
            WHERE m.conversation_id = @Id {range}
            ORDER BY m.id DESC
            LIMIT @Limit
            """, new { Id = conversationId, Before = before, Limit = pageSize + 1 }, tx.Transaction, cancellationToken: ct))).ToList();
        var earlier = rows.Count > pageSize;
        if (earlier) rows.RemoveAt(rows.Count - 1);
        rows.Reverse();
        var messages = rows.Select(r => r.ToMessage()).ToList();

        var passages = await PassagesAsync(tx, messages, ct);
        // Ranges and joins rather than id lists: Dapper expands a list on SQLite but passes an array to Npgsql.
        var replies = (await tx.Connection.QueryAsync<ReplyRow>(new CommandDefinition("""
            SELECT r.id, r.message_id AS MessageId, r.author, r.text, r.sent_at AS SentAt, r.delivery_status AS DeliveryStatus,
                   r.delivery_error AS DeliveryError
            FROM recruiter_replies r JOIN messages m ON m.id = r.message_id
            WHERE m.conversation_id = @Id AND m.id BETWEEN @First AND @Last
            ORDER BY r.id
            """, new { Id = conversationId, First = messages.FirstOrDefault()?.Id ?? 0, Last = messages.LastOrDefault()?.Id ?? 0 }, tx.Transaction, cancellationToken: ct)))
            .ToLookup(r => r.MessageId);
        await tx.CommitAsync(ct);

        var entries = messages.Select(m => new ThreadEntry(m,
            m.SourceIds.Select(id => passages.TryGetValue((m.PostingId ?? "", id), out var found) ? found : new CitedPassage(id, null, null)).ToList(),
            replies[m.Id].Select(r => r.ToView()).ToList())).ToList();
        return new ConversationThread(conversation.Id, conversation.Channel, conversation.PostingId,
            StorageJson.FromUnixMs(conversation.CreatedAt), StorageJson.FromUnixMs(conversation.LastActivityAt), entries,
            earlier ? messages[0].Id : null);
    }

    private static async Task<Dictionary<(string Posting, string Id), CitedPassage>> PassagesAsync(
        StoreTransaction tx, IReadOnlyList<LoggedMessage> messages, CancellationToken ct)
    {
        var found = new Dictionary<(string, string), CitedPassage>();
        // Usually one posting per conversation, with tens of passages: read them whole and pick the cited ones.
        foreach (var group in messages.Where(m => m.PostingId is not null && m.SourceIds.Count > 0).GroupBy(m => m.PostingId!))
        {
            var rows = await tx.Connection.QueryAsync<PassageRow>(new CommandDefinition(
                "SELECT id, section, text FROM passages WHERE posting_id = @Posting",
                new { Posting = group.Key }, tx.Transaction, cancellationToken: ct));
            foreach (var row in rows) found[(group.Key, row.Id)] = new CitedPassage(row.Id, row.Section, row.Text);
        }
        return found;
    }

    private sealed class ConversationRow
    {
        public long Id { get; init; }
        public string Channel { get; init; } = "";
        public string? PostingId { get; init; }
        public long CreatedAt { get; init; }
        public long LastActivityAt { get; init; }
    }

    private sealed class PassageRow
    {
        public string Id { get; init; } = "";
        public string Section { get; init; } = "";
        public string Text { get; init; } = "";
    }

    private sealed class ReplyRow
    {
        public long Id { get; init; }
        public long MessageId { get; init; }
        public string Author { get; init; } = "";
        public string Text { get; init; } = "";
        public long SentAt { get; init; }
        public string DeliveryStatus { get; init; } = "";
        public string? DeliveryError { get; init; }

        public RecruiterReplyView ToView() => new(Id, Author, Text, StorageJson.FromUnixMs(SentAt), DeliveryStatus, DeliveryError);
    }
}
