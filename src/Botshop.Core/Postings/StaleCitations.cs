using Botshop.Core.Knowledge;
using Botshop.Core.Similarity;

namespace Botshop.Core.Postings;

/// <summary>An answer citing passages its posting no longer has: not served until a recruiter fixes it.</summary>
public sealed record StaleAnswer(string Intent, string Topic, string PostingId, string AnswerText, IReadOnlyList<string> SourceIds, IReadOnlyList<MissingCitation> Missing);

/// <summary>
/// One citation that went stale: what the passage said (when the store kept it) and the current passage closest to
/// it, as a suggestion for the recruiter, never applied on its own.
/// </summary>
public sealed record MissingCitation(string PassageId, string? FormerText, Passage? Suggestion, double SuggestionScore);

/// <summary>Finds answers whose citations no longer exist in their posting, and suggests the closest current passage.</summary>
public static class StaleCitations
{
    /// <summary>Below this a "closest" passage is no real match and is not suggested.</summary>
    public const double SuggestionThreshold = 0.15;

    /// <param name="formerPassages">Passages updates removed, per posting id: what a missing citation used to say.</param>
    public static IReadOnlyList<StaleAnswer> Find(
        KnowledgeBase knowledge, string? postingId, IReadOnlyDictionary<string, IReadOnlyList<Passage>> formerPassages)
    {
        var postings = knowledge.Postings.Where(p => postingId is null || p.Id == postingId).ToList();
        TfIdfSpace? space = null; // built only when something is stale
        var stale = new List<StaleAnswer>();
        foreach (var posting in postings)
        {
            var former = formerPassages.GetValueOrDefault(posting.Id) ?? [];
            foreach (var intent in knowledge.Intents)
            {
                if (!intent.Answers.TryGetValue(posting.Id, out var answer)) continue;
                if (Holds(answer, posting)) continue;
                var missing = answer.SourceIds.Where(id => posting.FindPassage(id) is null).ToList();
                space ??= new TfIdfSpace(knowledge.Postings.SelectMany(p => p.Passages).Concat(formerPassages.Values.SelectMany(f => f)).Select(p => p.Text));
                var citations = missing.Select(id =>
                {
                    var formerText = former.FirstOrDefault(p => p.Id == id)?.Text;
                    // Without the old passage, the answer's own words are the best clue to what it quoted.
                    var (suggestion, score) = Closest(space, formerText ?? answer.Text, posting, answer.SourceIds);
                    return new MissingCitation(id, formerText, suggestion, score);
                }).ToList();
                stale.Add(new StaleAnswer(intent.Name, intent.Topic, posting.Id, answer.Text, answer.SourceIds, citations));
            }
        }
        return stale;
    }

    /// <summary>True when every passage the answer cites still exists in the posting.</summary>
    public static bool Holds(PostingAnswer answer, Posting posting) => answer.SourceIds.All(id => posting.FindPassage(id) is not null);

    private static (Passage? Passage, double Score) Closest(TfIdfSpace space, string text, Posting posting, IReadOnlyList<string> alreadyCited)
    {
        var target = space.Vector(text);
        var best = posting.Passages
            .Where(p => !alreadyCited.Contains(p.Id))
            .Select(p => (Passage: p, Score: space.Vector(p.Text).Cosine(target)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Passage.Order)
            .FirstOrDefault();
        return best.Passage is not null && best.Score >= SuggestionThreshold ? (best.Passage, Math.Round(best.Score, 3)) : (null, 0);
    }
}
