namespace Botshop.Core.Knowledge;

/// <summary>The live knowledge (postings, passages, intents, examples, answers) as kept in the store.</summary>
public interface IKnowledgeStore
{
    /// <summary>Makes the store hold exactly this knowledge (the seed in data/ imported as a whole).</summary>
    Task ImportAsync(KnowledgeBase knowledge, CancellationToken ct);

    Task<KnowledgeBase> LoadAsync(CancellationToken ct);
}
