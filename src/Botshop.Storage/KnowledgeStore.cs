using Botshop.Core.Knowledge;
using Dapper;

namespace Botshop.Storage;

/// <summary>The postings, passages, intents, examples and answers, replaced as a whole by an import.</summary>
public sealed partial class KnowledgeStore(BotshopDatabase db, TimeProvider? time = null) : IKnowledgeStore
{
    public async Task ImportAsync(KnowledgeBase knowledge, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        // Children first: the foreign keys would refuse the other order.
        await ExecuteAsync(tx, "DELETE FROM answers", null, ct);
        await ExecuteAsync(tx, "DELETE FROM examples", null, ct);
        await ExecuteAsync(tx, "DELETE FROM intents", null, ct);
        await ExecuteAsync(tx, "DELETE FROM passages", null, ct);
        await ExecuteAsync(tx, "DELETE FROM postings", null, ct);
        await ExecuteAsync(tx, "DELETE FROM retired_passages", null, ct);
        var now = StorageJson.ToUnixMs((time ?? TimeProvider.System).GetUtcNow());

        await ExecuteAsync(tx, """
            INSERT INTO postings (id, title, locations, content_hash, source_name, source_text, updated_at)
            VALUES (@Id, @Title, @Locations, @ContentHash, @SourceName, @SourceText, @UpdatedAt)
            """,
            knowledge.Postings.Select(p => new
            {
                p.Id, p.Title, Locations = StorageJson.Write(p.Locations), p.ContentHash,
                SourceName = p.Source?.FileName, SourceText = p.Source?.Text, UpdatedAt = now,
            }), ct);
        await ExecuteAsync(tx, """
            INSERT INTO passages (posting_id, id, position, section, text, ordinal)
            VALUES (@PostingId, @Id, @Position, @Section, @Text, @Ordinal)
            """,
            knowledge.Postings.SelectMany(p => p.Passages.Select((passage, i) => new
            {
                PostingId = p.Id,
                passage.Id,
                Position = i,
                passage.Section,
                passage.Text,
                Ordinal = passage.Order,
            })), ct);
        await ExecuteAsync(tx, "INSERT INTO intents (name, topic, source_file) VALUES (@Name, @Topic, @SourceFile)",
            knowledge.Intents.Select(i => new { i.Name, i.Topic, i.SourceFile }), ct);
        await ExecuteAsync(tx, "INSERT INTO examples (intent_name, position, text) VALUES (@IntentName, @Position, @Text)",
            knowledge.Intents.SelectMany(i => i.Examples.Select((text, n) => new { IntentName = i.Name, Position = n, Text = text })), ct);
        await ExecuteAsync(tx, """
            INSERT INTO answers (intent_name, posting_id, text, source_ids)
            VALUES (@IntentName, @PostingId, @Text, @SourceIds)
            """,
            knowledge.Intents.SelectMany(i => i.Answers.Select(a => new
            {
                IntentName = i.Name,
                PostingId = a.Key,
                a.Value.Text,
                SourceIds = StorageJson.Write(a.Value.SourceIds),
            })), ct);
        await BumpVersionAsync(db, tx, ct);
        await tx.CommitAsync(ct);
    }

    public async Task<KnowledgeBase> LoadAsync(CancellationToken ct)
    {
        // One snapshot: an import committing between these queries must not yield a half-old, half-new knowledge base.
        await using var tx = await db.BeginSnapshotAsync(ct);
        var postings = await QueryAsync<PostingRow>(tx, "SELECT id, title, locations, content_hash AS ContentHash FROM postings", ct);
        var passages = await QueryAsync<PassageRow>(tx, """
            SELECT posting_id AS PostingId, id, section, text, ordinal
            FROM passages ORDER BY posting_id, position
            """, ct);
        var intents = await QueryAsync<IntentRow>(tx, "SELECT name, topic, source_file AS SourceFile FROM intents", ct);
        var examples = await QueryAsync<ExampleRow>(tx,
            "SELECT intent_name AS IntentName, text FROM examples ORDER BY intent_name, position", ct);
        // Drafts are not served: only a recruiter's approval makes an answer live.
        var answers = await QueryAsync<AnswerRow>(tx, """
            SELECT intent_name AS IntentName, posting_id AS PostingId, text, source_ids AS SourceIds
            FROM answers WHERE status = 'live'
            """, ct);
        await tx.CommitAsync(ct);

        var passagesBy = passages.ToLookup(p => p.PostingId, StringComparer.Ordinal);
        var examplesBy = examples.ToLookup(e => e.IntentName, StringComparer.Ordinal);
        var answersBy = answers.ToLookup(a => a.IntentName, StringComparer.Ordinal);
        return new KnowledgeBase(
            postings.Select(p => new Posting(
                p.Id, p.Title, StorageJson.Read<List<string>>(p.Locations),
                passagesBy[p.Id].Select(x => new Passage(x.Id, x.Section, x.Text, x.Ordinal)).ToList(),
                p.ContentHash)),
            intents.Select(i => new Intent(
                i.Name, i.Topic,
                examplesBy[i.Name].Select(e => e.Text).ToList(),
                answersBy[i.Name].ToDictionary(
                    a => a.PostingId,
                    a => new PostingAnswer(a.Text, StorageJson.Read<List<string>>(a.SourceIds)),
                    StringComparer.Ordinal)) { SourceFile = i.SourceFile }));
    }

    private static Task ExecuteAsync(StoreTransaction tx, string sql, object? args, CancellationToken ct) =>
        tx.Connection.ExecuteAsync(new CommandDefinition(sql, args, tx.Transaction, cancellationToken: ct));

    private static async Task<List<T>> QueryAsync<T>(StoreTransaction tx, string sql, CancellationToken ct) =>
        (await tx.Connection.QueryAsync<T>(new CommandDefinition(sql, transaction: tx.Transaction, cancellationToken: ct))).AsList();

    internal sealed class PostingRow
    {
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
        public string Locations { get; init; } = "[]";
        public string ContentHash { get; init; } = "";
    }

    internal sealed class PassageRow
    {
        public string PostingId { get; init; } = "";
        public string Id { get; init; } = "";
        public string Section { get; init; } = "";
        public string Text { get; init; } = "";
        public int Ordinal { get; init; }
    }

    private sealed class IntentRow
    {
        public string Name { get; init; } = "";
        public string Topic { get; init; } = "";
        public string? SourceFile { get; init; }
    }

    private sealed class ExampleRow
    {
        public string IntentName { get; init; } = "";
        public string Text { get; init; } = "";
    }

    private sealed class AnswerRow
    {
        public string IntentName { get; init; } = "";
        public string PostingId { get; init; } = "";
        public string Text { get; init; } = "";
        public string SourceIds { get; init; } = "[]";
    }
}
