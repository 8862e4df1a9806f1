using Botshop.Core.Knowledge;
using Botshop.Core.Similarity;

namespace Botshop.Core.Postings;

/// <summary>
/// Drafts answers for a posting no answer covers yet: for every intent answered for other postings, finds among the
/// new posting's passages those most like the passages those answers cite, and quotes them when they are close enough.
/// Nothing here knows any posting: the intents and their cited passages are the only guide.
/// </summary>
public static class DraftAnswerer
{
    /// <summary>
    /// The cosine a passage must reach to be proposed. Measured on the seed postings, each drafted as if it were new
    /// (tests/Botshop.Hosting.Tests/DraftQualityTests): at 0.4, 16 of 20 drafts cite a passage the recruiters' own
    /// answer cites; at 0.35, 21 of 30, the extra ones mostly one-word lines ("Internship") matched by chance.
    /// </summary>
    public const double DefaultThreshold = 0.4;

    /// <summary>A second passage joins the best one only when nearly as close: an answer quotes what fits, not neighbours.</summary>
    private const double CompanionRatio = 0.8;

    private const int MaxPassages = 3;
    private const int MaxTextLength = 700;

    public static IReadOnlyList<DraftAnswer> Draft(KnowledgeBase knowledge, Posting posting, double threshold = DefaultThreshold)
    {
        var others = knowledge.Postings.Where(p => p.Id != posting.Id).ToList();
        var space = new TfIdfSpace(others.Append(posting).SelectMany(p => p.Passages).Select(p => p.Text));
        var candidates = posting.Passages.Select(p => (Passage: p, Vector: space.Vector(p.Text))).ToList();
        var drafts = new List<DraftAnswer>();
        foreach (var intent in knowledge.Intents.Where(i => !i.IsOutOfScope && !i.Answers.ContainsKey(posting.Id)))
        {
            var cited = CitedElsewhere(intent, others);
            if (cited.Count == 0) continue;
            if (DraftFor(intent, posting, cited, candidates, space, threshold) is { } draft) drafts.Add(draft);
        }
        return drafts;
    }

    private static DraftAnswer? DraftFor(
        Intent intent, Posting posting, List<(string PostingId, Passage Passage, int Citations)> cited,
        List<(Passage Passage, WordVector Vector)> candidates, TfIdfSpace space, double threshold)
    {
        var targets = cited.Select(c => (c.PostingId, c.Citations, Vector: space.Vector(c.Passage.Text))).ToList();
        var scored = candidates
            .Select(c =>
            {
                var best = targets.MaxBy(t => t.Vector.Cosine(c.Vector));
                return (c.Passage, Score: best.Vector.Cosine(c.Vector), best.PostingId, best.Citations);
            })
            .Where(s => s.Score >= threshold)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Passage.Order)
            .ToList();
        if (scored.Count == 0) return null;

        var top = scored[0];
        // Quote as many passages as the matched answer cites (at most three), each nearly as close as the best.
        var wanted = Math.Min(MaxPassages, top.Citations);
        var chosen = new List<Passage> { top.Passage };
        var length = top.Passage.Text.Length;
        foreach (var next in scored.Skip(1).TakeWhile(s => s.Score >= top.Score * CompanionRatio))
        {
            if (chosen.Count == wanted || length + 1 + next.Passage.Text.Length > MaxTextLength) break;
            chosen.Add(next.Passage);
            length += 1 + next.Passage.Text.Length;
        }
        chosen.Sort((a, b) => a.Order.CompareTo(b.Order));
        return new DraftAnswer(intent.Name, posting.Id, Quote(chosen), chosen.Select(p => p.Id).ToList(), Math.Round(top.Score, 3), top.PostingId);
    }

    /// <summary>The passages the intent's answers for other postings cite, with how many each of those answers cites.</summary>
    private static List<(string PostingId, Passage Passage, int Citations)> CitedElsewhere(Intent intent, List<Posting> others) =>
        others
            .Where(o => intent.Answers.ContainsKey(o.Id))
            .SelectMany(o =>
            {
                var ids = intent.Answers[o.Id].SourceIds;
                return ids.Select(o.FindPassage).OfType<Passage>().Select(p => (o.Id, p, ids.Count));
            })
            .ToList();

    /// <summary>The draft's words are the posting's own: its passages, in document order.</summary>
    private static string Quote(IEnumerable<Passage> passages) =>
        string.Join(' ', passages.Select(p => p.Text.TrimEnd() is var t && t.Length > 0 && char.IsLetterOrDigit(t[^1]) ? t + "." : t));
}
