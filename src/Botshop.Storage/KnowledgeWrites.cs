namespace Botshop.Storage;

/// <summary>
/// Where every recruiter edit of the knowledge (intents, examples, answers) commits. Replicas serve the knowledge from
/// memory, so the change is announced to the others (the knowledge version bump) in the same transaction.
/// </summary>
internal static class KnowledgeWrites
{
    public static async Task CommitKnowledgeAsync(this BotshopDatabase db, StoreTransaction tx, CancellationToken ct)
    {
        await KnowledgeStore.BumpVersionAsync(db, tx, ct);
        await tx.CommitAsync(ct);
    }
}
