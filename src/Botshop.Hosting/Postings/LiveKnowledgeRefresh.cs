using Botshop.Core.Answering;
using Botshop.Core.Knowledge;

namespace Botshop.Hosting.Postings;

/// <summary>
/// Reloads the knowledge from the store and serves it, after a write. Reloads run one at a time, so of two writes
/// finishing together the later load is the one left in service, never an older snapshot set last.
/// </summary>
public sealed class LiveKnowledgeRefresh(IKnowledgeStore store, LiveKnowledge live) : IDisposable
{
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

    public void Dispose() => _gate.Dispose();
}
