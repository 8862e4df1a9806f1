using Botshop.Core.Knowledge;
using Botshop.Core.Privacy;

namespace Botshop.Core.Answering;

/// <summary>The bot's own words, kept in one place so every channel says the same thing.</summary>
public static class ReplyTexts
{
    public const string HandOff = "I've passed your question to a recruiter, who can answer it.";

    public static Reply NotInPosting(Posting posting, Intent intent, float confidence) => new(
        ReplyKind.NotInPosting,
        $"The {posting.Title} posting doesn't say anything about {intent.Topic}. {HandOff}",
        posting.Id, intent.Name, confidence, [], []);

    /// <summary>Abstains rather than quote an answer whose passage changed: the old text may no longer be true.</summary>
    public static Reply StaleCitation(Posting posting, Intent intent, float confidence) => new(
        ReplyKind.StaleCitation,
        $"The {posting.Title} posting was updated and my answer about {intent.Topic} needs checking first. {HandOff}",
        posting.Id, intent.Name, confidence, [], []);

    public static Reply OutOfScope(Posting posting, float confidence) => new(
        ReplyKind.OutOfScope,
        $"I can't answer that from the {posting.Title} posting. {HandOff}",
        posting.Id, null, confidence, [], []);

    public static Reply DidYouMean(Posting posting, Decision decision, IReadOnlyList<ReplyChoice> choices) => new(
        ReplyKind.Ambiguous,
        "Did you mean: " + string.Join(", or ", choices.Select(c => c.Label)) + "?",
        posting.Id, decision.Intent, decision.Confidence, [], choices);

    public static Reply ChoosePosting(IReadOnlyList<Posting> postings) => new(
        ReplyKind.ChoosePosting,
        "Which posting are you asking about?",
        null, null, 0f, [],
        postings.Select(p => ReplyChoice.ForPosting(p.Title, p.Id)).ToList());

    public static Reply Help(KnowledgeBase knowledge, Posting? posting)
    {
        var examples = knowledge.Intents
            .Where(i => !i.IsOutOfScope && i.Examples.Count > 0 && (posting is null || Answerable(i, posting)))
            .Take(4)
            .Select(i => "• " + i.Examples[0]);
        var about = posting is null ? "a job posting" : $"the {posting.Title} posting";
        var text = $"Ask me anything about {about}, for example:\n" + string.Join("\n", examples);
        return new Reply(ReplyKind.Help, text, posting?.Id, null, 0f, [], []);
    }

    /// <summary>An example is only worth suggesting when the answer would be served: its citations still hold.</summary>
    private static bool Answerable(Intent intent, Posting posting) =>
        intent.Answers.TryGetValue(posting.Id, out var answer) && Postings.StaleCitations.Holds(answer, posting);
    /// <summary>The confirmation of a forget-me: what went, and that the request itself left no trace.</summary>
    public static Reply Forgotten(CandidateErasure erased)
    {
        var what = erased.Total == 0
            ? "Nothing was stored about you here."
            : $"I deleted everything stored about you here: your {(erased.Messages == 1 ? "1 message" : $"{erased.Messages} messages")}, with their feedback and any recruiter replies.";
        return new Reply(ReplyKind.Forgotten, what + " This request was not stored either.", null, null, 0f, [], []);
    }
}
