using Botshop.Core.Answering;
using Botshop.Core.Knowledge;
using Botshop.Knowledge;

namespace Botshop.Hosting;

/// <summary>Moves knowledge between the data folder (the seed), the store (the live truth) and memory (what is served).</summary>
public sealed class KnowledgeService(IKnowledgeStore store, LiveKnowledge live)
{
    /// <summary>Reads and validates the data folder; invalid data is refused whole, never half-imported.</summary>
    public static KnowledgeBase ReadValidated(string dataFolder)
    {
        var loaded = KnowledgeLoader.Load(dataFolder);
        if (loaded.Validation.HasErrors)
        {
            var errors = loaded.Validation.Errors.ToList();
            throw new KnowledgeDataException($"{errors.Count} error(s) in {dataFolder}; first: {errors[0]} (run `botshop validate` for all)");
        }
        return loaded.Knowledge;
    }

    /// <summary>Imports the data folder into the store and serves it.</summary>
    public async Task<KnowledgeBase> ImportAsync(string dataFolder, CancellationToken ct)
    {
        var knowledge = ReadValidated(dataFolder);
        await store.ImportAsync(knowledge, ct);
        live.Set(knowledge);
        return knowledge;
    }

    /// <summary>Serves what the store holds, seeding it from the data folder when it holds nothing yet.</summary>
    public async Task<KnowledgeBase> LoadOrSeedAsync(Func<string> dataFolder, CancellationToken ct)
    {
        var knowledge = await store.LoadAsync(ct);
        if (knowledge.Postings.Count == 0) return await ImportAsync(dataFolder(), ct);
        live.Set(knowledge);
        return knowledge;
    }
}
