using Botshop.Core.Answering;

namespace Botshop.Core.Knowledge;

/// <summary>Serves what the store holds now: called after an edit commits, so the next question sees it.</summary>
public sealed class KnowledgeRefresher(IKnowledgeStore store, LiveKnowledge live)
{
    // One refresh at a time: each loads after its own edit committed, so the last to run has every edit and no
    // older snapshot can be set after a newer one.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<KnowledgeBase> RefreshAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var knowledge = await store.LoadAsync(ct);
            live.Set(knowledge);
            return knowledge;
        }
        finally
        {
            _gate.Release();
        }
    }
}
