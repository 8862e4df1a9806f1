using Botshop.Core.Knowledge;
using Botshop.Core.Postings;
using Botshop.Knowledge;
using Botshop.Knowledge.Export;

namespace Botshop.Hosting.Postings;

/// <summary>`botshop knowledge export`: the live knowledge in the store, written back as a data folder.</summary>
public sealed class KnowledgeExporter(IKnowledgeStore store, IPostingStore postings)
{
    /// <exception cref="Botshop.Knowledge.KnowledgeDataException">The folder is not empty, or a posting has no stored document.</exception>
    public async Task<ExportReport> ExportAsync(string folder, CancellationToken ct)
    {
        // The store, not what this process serves: another replica or the CLI may have changed it since.
        var knowledge = await store.LoadAsync(ct);
        var sources = await postings.SourcesAsync(ct);
        var withSources = new KnowledgeBase(
            knowledge.Postings.Select(p => sources.TryGetValue(p.Id, out var source) ? p with { Source = source } : p),
            knowledge.Intents);
        var report = KnowledgeWriter.Write(folder, withSources);
        // Read back as `botshop validate` would, so what it would refuse (a stale answer, a new intent with too few
        // examples) is said now rather than at the next import.
        var issues = KnowledgeLoader.Load(folder).Validation.Issues;
        return report with { Warnings = [.. report.Warnings, .. issues.Select(i => "validate: " + i)] };
    }
}
