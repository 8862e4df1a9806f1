using Dapper;

namespace Botshop.Storage;

// The knowledge version: replicas serve knowledge from memory and reload it when this counter moves.
public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Tells every replica that the knowledge changed: they reload it within their poll interval (at once on
    /// PostgreSQL). Call it after a knowledge write has committed, never before: a replica reloading in between
    /// would miss the write and see no later bump. Inside the store, prefer the overload that joins the write's transaction.
    /// </summary>
    public async Task BumpVersionAsync(CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        await BumpVersionAsync(db, tx, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Bumps the knowledge version as part of <paramref name="tx"/>, so it moves exactly when the write commits: for
    /// any repository in this assembly that writes knowledge.
    /// </summary>
    internal static async Task BumpVersionAsync(BotshopDatabase db, StoreTransaction tx, CancellationToken ct)
    {
        await tx.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE change_counters SET value = value + 1 WHERE name = 'knowledge'", transaction: tx.Transaction, cancellationToken: ct));
        await StoreChangeFeed.AnnounceAsync(db, tx, StoreChange.Knowledge, ct);
    }
}
