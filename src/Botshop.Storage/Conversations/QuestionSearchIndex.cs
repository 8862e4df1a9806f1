namespace Botshop.Storage.Conversations;

/// <summary>
/// Brings the free-text search index up to date with the conversation log (SQLite, migration 0010; a no-op on
/// PostgreSQL). Logging a question does not wait for the index: a search tests the few newest rows directly, and this
/// adds them to the index in batches, one short background write each.
/// </summary>
public sealed class QuestionSearchIndex(BotshopDatabase db)
{
    /// <summary>Questions per write: a batch this size takes tens of milliseconds, so acknowledgements never wait long behind it.</summary>
    public const int BatchSize = 2_000;

    /// <summary>Indexes every question logged so far, batch by batch; returns how many.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        if (!db.Dialect.FillsTextIndexInBatches) return 0;
        var total = 0;
        while (true)
        {
            int added;
            await using (var tx = await db.BeginBackgroundWriteAsync(ct))
            {
                added = await db.Dialect.IndexPendingQuestionsAsync(tx, BatchSize, ct);
                if (added == 0) return total;
                await tx.CommitAsync(ct);
            }
            total += added;
            if (added < BatchSize) return total;
        }
    }
}
