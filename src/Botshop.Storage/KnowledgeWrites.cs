namespace Botshop.Storage;

/// <summary>
/// Where every recruiter edit of the knowledge (intents, examples, answers) commits. Replicas serve the knowledge from
/// memory, so the change must be announced to the others in the same transaction: when the store gains a knowledge
/// version (feat/replicas: KnowledgeStore.BumpVersionAsync(db, tx, ct)), that call belongs here, before the commit.
/// </summary>
internal static class KnowledgeWrites
{
    public static Task CommitKnowledgeAsync(this BotshopDatabase db, StoreTransaction tx, CancellationToken ct) => tx.CommitAsync(ct);
}
