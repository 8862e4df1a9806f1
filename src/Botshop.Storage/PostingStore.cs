using Botshop.Core.Knowledge;
using Botshop.Core.Postings;
using Dapper;

namespace Botshop.Storage;

/// <summary>Postings saved one at a time (uploads): the posting row, its passages, and the passages it lost.</summary>
public sealed class PostingStore(BotshopDatabase db, TimeProvider time) : IPostingStore
{
    public async Task<PostingChange> SaveAsync(Posting posting, PostingSource source, CancellationToken ct)
    {
        var now = StorageJson.ToUnixMs(time.GetUtcNow());
        await using var tx = await db.BeginWriteAsync(ct);
        // Touching the row first locks it (PostgreSQL), so a second save of this posting waits here and then reads
        // the passages the first one wrote, not the ones before it.
        var existed = await tx.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE postings SET updated_at = @Now WHERE id = @Id", new { posting.Id, Now = now }, tx.Transaction, cancellationToken: ct)) > 0;
        var before = (await tx.Connection.QueryAsync<PassageRow>(new CommandDefinition(
            "SELECT id, section, text FROM passages WHERE posting_id = @Id", new { posting.Id }, tx.Transaction, cancellationToken: ct))).AsList();

        await ExecuteAsync(tx, """
            INSERT INTO postings (id, title, locations, content_hash, source_name, source_text, updated_at)
            VALUES (@Id, @Title, @Locations, @ContentHash, @SourceName, @SourceText, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET
                title = excluded.title, locations = excluded.locations, content_hash = excluded.content_hash,
                source_name = excluded.source_name, source_text = excluded.source_text, updated_at = excluded.updated_at
            """,
            new
            {
                posting.Id, posting.Title, Locations = StorageJson.Write(posting.Locations), posting.ContentHash,
                SourceName = source.FileName, SourceText = source.Text, UpdatedAt = now,
            }, ct);
        await ExecuteAsync(tx, "DELETE FROM passages WHERE posting_id = @Id", new { posting.Id }, ct);
        await ExecuteAsync(tx, """
            INSERT INTO passages (posting_id, id, position, section, text, ordinal)
            VALUES (@PostingId, @Id, @Position, @Section, @Text, @Ordinal)
            """,
            posting.Passages.Select((p, i) => new { PostingId = posting.Id, p.Id, Position = i, p.Section, p.Text, Ordinal = p.Order }), ct);

        var current = posting.Passages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var removed = before.Where(p => !current.Contains(p.Id)).ToList();
        await ExecuteAsync(tx, """
            INSERT INTO retired_passages (posting_id, id, section, text, retired_at)
            VALUES (@PostingId, @Id, @Section, @Text, @RetiredAt)
            ON CONFLICT (posting_id, id) DO UPDATE SET section = excluded.section, text = excluded.text, retired_at = excluded.retired_at
            """,
            removed.Select(p => new { PostingId = posting.Id, p.Id, p.Section, p.Text, RetiredAt = now }), ct);
        // A passage that is back is current again, not former.
        await ExecuteAsync(tx, "DELETE FROM retired_passages WHERE posting_id = @PostingId AND id = @Id",
            current.Select(id => new { PostingId = posting.Id, Id = id }), ct);
        await KnowledgeStore.BumpVersionAsync(db, tx, ct); // other replicas reload the served knowledge
        await tx.CommitAsync(ct);

        var previous = before.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return new PostingChange(
            Created: !existed,
            AddedPassageIds: posting.Passages.Where(p => !previous.Contains(p.Id)).Select(p => p.Id).ToList(),
            RemovedPassageIds: removed.Select(p => p.Id).ToList());
    }

    public async Task<IReadOnlyList<PostingRecord>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<RecordRow>(new CommandDefinition(
            "SELECT id, source_name AS SourceName, updated_at AS UpdatedAt FROM postings ORDER BY id", cancellationToken: ct));
        return rows.Select(r => new PostingRecord(r.Id, r.SourceName, r.UpdatedAt is { } at ? StorageJson.FromUnixMs(at) : null)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, PostingSource>> SourcesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<SourceRow>(new CommandDefinition("""
            SELECT id, source_name AS SourceName, source_text AS SourceText FROM postings
            WHERE source_name IS NOT NULL AND source_text IS NOT NULL
            """, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => new PostingSource(r.SourceName, r.SourceText), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Passage>>> FormerPassagesAsync(string? postingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<RetiredRow>(new CommandDefinition("""
            SELECT posting_id AS PostingId, id, section, text FROM retired_passages
            WHERE CAST(@PostingId AS TEXT) IS NULL OR posting_id = CAST(@PostingId AS TEXT)
            ORDER BY posting_id, retired_at, id
            """, new { PostingId = postingId }, cancellationToken: ct));
        return rows.GroupBy(r => r.PostingId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<Passage>)g.Select((r, i) => new Passage(r.Id, r.Section, r.Text, i)).ToList(),
            StringComparer.Ordinal);
    }

    private static Task ExecuteAsync(StoreTransaction tx, string sql, object? args, CancellationToken ct) =>
        tx.Connection.ExecuteAsync(new CommandDefinition(sql, args, tx.Transaction, cancellationToken: ct));

    private sealed class PassageRow
    {
        public string Id { get; init; } = "";
        public string Section { get; init; } = "";
        public string Text { get; init; } = "";
    }

    private sealed class RetiredRow
    {
        public string PostingId { get; init; } = "";
        public string Id { get; init; } = "";
        public string Section { get; init; } = "";
        public string Text { get; init; } = "";
    }

    private sealed class RecordRow
    {
        public string Id { get; init; } = "";
        public string? SourceName { get; init; }
        public long? UpdatedAt { get; init; }
    }

    private sealed class SourceRow
    {
        public string Id { get; init; } = "";
        public string SourceName { get; init; } = "";
        public string SourceText { get; init; } = "";
    }
}
