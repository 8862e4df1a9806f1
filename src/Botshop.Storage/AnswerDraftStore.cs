using Botshop.Core.Postings;
using Dapper;

namespace Botshop.Storage;

/// <summary>Draft answers: rows of the answers table with status 'draft', which the knowledge load leaves out.</summary>
public sealed class AnswerDraftStore(BotshopDatabase db, TimeProvider time) : IDraftAnswerStore
{
    public async Task<IReadOnlyList<DraftAnswer>> ReplaceAsync(string postingId, IReadOnlyList<DraftAnswer> drafts, string actor, CancellationToken ct)
    {
        if (drafts.Any(d => d.PostingId != postingId)) throw new ArgumentException("Every draft must be for the posting being replaced.", nameof(drafts));
        var now = StorageJson.ToUnixMs(time.GetUtcNow());
        await using var tx = await db.BeginWriteAsync(ct);
        await tx.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM answers WHERE posting_id = @PostingId AND status = 'draft'", new { PostingId = postingId }, tx.Transaction, cancellationToken: ct));
        var stored = new List<DraftAnswer>();
        foreach (var draft in drafts)
        {
            // A live answer written meanwhile wins; an intent deleted meanwhile leaves nothing to draft for.
            var inserted = await tx.Connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO answers (intent_name, posting_id, text, source_ids, status, updated_by, updated_at)
                SELECT @Intent, @PostingId, @Text, @SourceIds, 'draft', @Actor, @At
                WHERE EXISTS (SELECT 1 FROM intents WHERE name = @Intent)
                ON CONFLICT (intent_name, posting_id) DO NOTHING
                """,
                new { draft.Intent, draft.PostingId, draft.Text, SourceIds = StorageJson.Write(draft.SourceIds), Actor = actor, At = now },
                tx.Transaction, cancellationToken: ct));
            if (inserted == 1) stored.Add(draft);
        }
        await KnowledgeStore.BumpVersionAsync(db, tx, ct); // other replicas reload the served knowledge
        await tx.CommitAsync(ct);
        return stored;
    }

    public async Task<IReadOnlyList<StoredDraft>> ListAsync(string? postingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT intent_name AS IntentName, posting_id AS PostingId, text, source_ids AS SourceIds,
                   updated_by AS UpdatedBy, updated_at AS UpdatedAt
            FROM answers
            WHERE status = 'draft' AND (CAST(@PostingId AS TEXT) IS NULL OR posting_id = CAST(@PostingId AS TEXT))
            ORDER BY posting_id, intent_name
            """, new { PostingId = postingId }, cancellationToken: ct));
        return rows.Select(r => new StoredDraft(r.IntentName, r.PostingId, r.Text, StorageJson.Read<List<string>>(r.SourceIds),
            r.UpdatedBy, r.UpdatedAt is { } at ? StorageJson.FromUnixMs(at) : null)).ToList();
    }

    public async Task<bool> ApproveAsync(string intent, string postingId, string text, string actor, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var changed = await tx.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE answers SET status = 'live', text = @Text, updated_by = @Actor, updated_at = @At
            WHERE intent_name = @Intent AND posting_id = @PostingId AND status = 'draft'
            """,
            new { Intent = intent, PostingId = postingId, Text = text, Actor = actor, At = StorageJson.ToUnixMs(time.GetUtcNow()) },
            tx.Transaction, cancellationToken: ct));
        await KnowledgeStore.BumpVersionAsync(db, tx, ct); // other replicas reload the served knowledge
        await tx.CommitAsync(ct);
        return changed == 1;
    }

    public async Task<bool> DiscardAsync(string intent, string postingId, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var deleted = await tx.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM answers WHERE intent_name = @Intent AND posting_id = @PostingId AND status = 'draft'",
            new { Intent = intent, PostingId = postingId }, tx.Transaction, cancellationToken: ct));
        await KnowledgeStore.BumpVersionAsync(db, tx, ct); // other replicas reload the served knowledge
        await tx.CommitAsync(ct);
        return deleted == 1;
    }

    private sealed class Row
    {
        public string IntentName { get; init; } = "";
        public string PostingId { get; init; } = "";
        public string Text { get; init; } = "";
        public string SourceIds { get; init; } = "[]";
        public string? UpdatedBy { get; init; }
        public long? UpdatedAt { get; init; }
    }
}
