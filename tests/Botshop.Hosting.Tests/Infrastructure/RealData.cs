using Botshop.Core.Knowledge;
using Botshop.Knowledge;

namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>The repository's data folder, and smaller knowledge bases cut from it for tests about the machinery rather than model quality.</summary>
public static class RealData
{
    private static readonly Lazy<KnowledgeBase> Whole = new(() => KnowledgeService.ReadValidated(Folder));

    /// <summary>The nearest data/ above the test's folder: the shipped postings, FAQ and regression set.</summary>
    public static string Folder { get; } = DataFolder.Locate(null);

    public static KnowledgeBase Knowledge => Whole.Value;

    /// <summary>Intents whose held-out questions exist in data/regression, so a small model is still gated on real questions.</summary>
    public static readonly string[] SmallIntents = ["duration", "eligibility", "location", "programming_languages", "remote_work", "timing"];

    /// <summary>
    /// Six intents and 150 out-of-scope examples of the real data (every posting kept): trains in seconds, where the
    /// whole FAQ takes a minute or more. <paramref name="withoutExamplesOf"/> keeps an intent and its answers but
    /// drops its examples, as if a recruiter had deleted them.
    /// </summary>
    public static KnowledgeBase Small(string? withoutExamplesOf = null) => new(
        Knowledge.Postings,
        Knowledge.Intents
            .Where(i => SmallIntents.Contains(i.Name) || i.IsOutOfScope)
            .Select(i => i.IsOutOfScope ? i with { Examples = i.Examples.Take(150).ToList() } : i)
            .Select(i => i.Name == withoutExamplesOf ? i with { Examples = [] } : i));
}
