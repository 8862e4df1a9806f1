using Botshop.Core.Knowledge;
using Botshop.Core.Postings;

namespace Botshop.Core.Answering;

/// <summary>Turns a question about one posting into a reply: classify, apply the policy, look up the answer.</summary>
public sealed class AnswerService(LiveKnowledge knowledge, LiveModel model)
{
    public Reply Answer(string question, Posting posting)
    {
        var active = model.Required;
        var decision = active.Policy.Decide(active.Classifier.Predict(question));
        return decision.Kind switch
        {
            DecisionKind.OutOfScope => ReplyTexts.OutOfScope(posting, decision.Confidence),
            DecisionKind.Ambiguous => Ambiguous(posting, decision),
            _ => AnswerIntent(decision.Intent, posting, decision.Confidence),
        };
    }

    /// <summary>The reply for a known intent, e.g. after the candidate picked one of the "did you mean" choices.</summary>
    public Reply AnswerIntent(string intentName, Posting posting, float confidence = 1f)
    {
        var intent = knowledge.Required.FindIntent(intentName);
        if (intent is null || intent.IsOutOfScope)
            return ReplyTexts.OutOfScope(posting, confidence);
        if (!intent.Answers.TryGetValue(posting.Id, out var answer))
            return ReplyTexts.NotInPosting(posting, intent, confidence);

        // A citation that no longer exists means the posting changed under the answer: never serve it as fact, not
        // even without the quote, since the text was written from the passage that is gone.
        if (answer.SourceIds.Count == 0)
            return ReplyTexts.NotInPosting(posting, intent, confidence);
        if (!StaleCitations.Holds(answer, posting))
            return ReplyTexts.StaleCitation(posting, intent, confidence);

        var sources = answer.SourceIds.Select(id => posting.FindPassage(id)!).ToList();
        return new Reply(ReplyKind.Answered, answer.Text, posting.Id, intent.Name, confidence, sources, []);
    }

    public Reply Help(Posting? posting) => ReplyTexts.Help(knowledge.Required, posting);

    public Reply ChoosePosting() => ReplyTexts.ChoosePosting(knowledge.Required.Postings);

    private Reply Ambiguous(Posting posting, Decision decision)
    {
        var kb = knowledge.Required;
        var choices = decision.Alternatives
            .Select(name => kb.FindIntent(name))
            .OfType<Intent>()
            .Select(i => ReplyChoice.ForIntent(i.Topic, i.Name))
            .ToList();
        return ReplyTexts.DidYouMean(posting, decision, choices);
    }
}
