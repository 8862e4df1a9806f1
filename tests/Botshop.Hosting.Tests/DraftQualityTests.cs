using Botshop.Core.Knowledge;
using Botshop.Core.Postings;
using Xunit.Abstractions;

namespace Botshop.Hosting.Tests;

/// <summary>
/// Drafting measured on the seed data: each seed posting is drafted as if it were new (its own answers removed), and
/// each draft is checked against the answer recruiters actually wrote for it. A floor, so a change to the similarity
/// that makes drafts worse fails here; the numbers are printed for docs/benchmarks.md.
/// </summary>
public sealed class DraftQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_postings_drafted_as_new_mostly_cite_what_recruiters_cited()
    {
        var kb = SeedData.Load().Knowledge;

        var quality = Score(kb, DraftAnswerer.DefaultThreshold);
        foreach (var threshold in new[] { 0.3, 0.35, 0.4, 0.45, 0.5 })
            output.WriteLine($"threshold {threshold:F2}: {Score(kb, threshold)}");

        Assert.True(quality.Precision >= 0.75, quality.ToString());
        Assert.True(quality.Recall >= 0.35, quality.ToString());
    }

    private sealed record Quality(int Drafts, int Right, int Draftable)
    {
        public double Precision => Drafts == 0 ? 0 : (double)Right / Drafts;
        public double Recall => Draftable == 0 ? 0 : (double)Right / Draftable;

        public override string ToString() =>
            $"{Drafts} drafts, {Right} cite a passage the real answer cites (precision {Precision:P0}); {Draftable} answers could be drafted (recall {Recall:P0})";
    }

    private static Quality Score(KnowledgeBase kb, double threshold)
    {
        int drafts = 0, right = 0, draftable = 0;
        foreach (var posting in kb.Postings)
        {
            var proposed = DraftAnswerer.Draft(WithoutAnswersFor(kb, posting.Id), posting, threshold);
            drafts += proposed.Count;
            right += proposed.Count(d =>
                kb.FindIntent(d.Intent)!.Answers.TryGetValue(posting.Id, out var truth) && truth.SourceIds.Intersect(d.SourceIds).Any());
            // Only intents answered for another posting as well can be drafted at all.
            draftable += kb.Intents.Count(i => i.Answers.ContainsKey(posting.Id) && i.Answers.Keys.Any(k => k != posting.Id));
        }
        return new Quality(drafts, right, draftable);
    }

    private static KnowledgeBase WithoutAnswersFor(KnowledgeBase kb, string postingId) => new(
        kb.Postings,
        kb.Intents.Select(i => i with { Answers = i.Answers.Where(a => a.Key != postingId).ToDictionary(a => a.Key, a => a.Value) }));
}
