using Botshop.Core.Text;

namespace Botshop.Core.Knowledge.Editing;

/// <summary>An example question as stored: its intent and its place in that intent's list.</summary>
public sealed record StoredExample(string Intent, int Position, string Text);

/// <summary>A question to teach as an example, and the logged message it came from (null when typed by a recruiter).</summary>
public sealed record ExampleCandidate(string Text, long? SourceMessageId = null);

public enum ExampleOutcome
{
    /// <summary>New to every intent: added.</summary>
    Add,
    /// <summary>The target intent already has this question (or an earlier candidate is it): nothing to add.</summary>
    AlreadyThere,
    /// <summary>Another intent has this question; one question must not train two intents.</summary>
    Conflict,
    /// <summary>Another intent has it and the recruiter chose to move it: removed there, added here.</summary>
    Move,
    /// <summary>No letters or digits: nothing a classifier could learn from.</summary>
    Unusable,
}

/// <param name="Existing">For <see cref="ExampleOutcome.Conflict"/> and <see cref="ExampleOutcome.Move"/>: the other intent's example.</param>
public sealed record ExampleDecision(ExampleCandidate Candidate, ExampleOutcome Outcome, StoredExample? Existing = null);

/// <summary>
/// Decides what teaching some questions to an intent does to the examples, the rule data/faq follows too: a question
/// (compared by <see cref="QuestionText.Normalise"/>) trains exactly one intent. Pure, so a store can run it inside
/// the transaction that applies it.
/// </summary>
public static class ExamplePlanner
{
    public static IReadOnlyList<ExampleDecision> Plan(
        string targetIntent, IEnumerable<StoredExample> existing, IEnumerable<ExampleCandidate> candidates, bool moveConflicting)
    {
        var owner = new Dictionary<string, StoredExample>(StringComparer.Ordinal);
        foreach (var example in existing)
            owner.TryAdd(QuestionText.Normalise(example.Text), example);

        var decisions = new List<ExampleDecision>();
        foreach (var candidate in candidates)
        {
            var key = QuestionText.Normalise(candidate.Text);
            if (key.Length == 0) { decisions.Add(new(candidate, ExampleOutcome.Unusable)); continue; }
            if (!owner.TryGetValue(key, out var found))
            {
                decisions.Add(new(candidate, ExampleOutcome.Add));
                owner[key] = new StoredExample(targetIntent, -1, candidate.Text);
                continue;
            }
            if (found.Intent == targetIntent) { decisions.Add(new(candidate, ExampleOutcome.AlreadyThere)); continue; }
            if (!moveConflicting) { decisions.Add(new(candidate, ExampleOutcome.Conflict, found)); continue; }
            decisions.Add(new(candidate, ExampleOutcome.Move, found));
            owner[key] = new StoredExample(targetIntent, -1, candidate.Text);
        }
        return decisions;
    }
}
