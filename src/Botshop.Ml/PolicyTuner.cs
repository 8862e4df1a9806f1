using Botshop.Core.Answering;

namespace Botshop.Ml;

/// <summary>
/// Chooses threshold and ambiguity margin on out-of-fold predictions, through the same
/// <see cref="DecisionPolicy"/> the answer path uses, so the measured numbers are the served ones.
/// </summary>
internal static class PolicyTuner
{
    private const int ThresholdSteps = 100;   // 0.00 .. 0.99
    private const int MarginSteps = 16;       // 0.00 .. 0.15

    /// <summary>
    /// Among policies that decline at least <paramref name="targetOosRecall"/> of out-of-scope questions: most
    /// in-scope questions answered correctly; then fewest wrong answers (a wrong answer misleads, a clarifying
    /// question does not); then the smaller margin and threshold. A margin only ever costs correct answers, so it is
    /// chosen only where it removes wrong answers for free. If no policy reaches the target, the one with the highest
    /// out-of-scope recall wins (the report then shows the shortfall).
    /// </summary>
    public static DecisionPolicy Tune(IReadOnlyList<IntentPrediction> predictions, IReadOnlyList<string> truth, double targetOosRecall)
    {
        DecisionPolicy? best = null;
        var bestOutcome = default(DecisionOutcomes);
        for (var t = 0; t < ThresholdSteps; t++)
        {
            for (var m = 0; m < MarginSteps; m++)
            {
                var policy = new DecisionPolicy(t / 100f, m / 100f);
                var outcome = DecisionOutcomes.Count(policy, predictions, truth);
                if (best is null || IsBetter(outcome, bestOutcome, targetOosRecall))
                {
                    best = policy;
                    bestOutcome = outcome;
                }
            }
        }
        return best!;
    }

    // Candidates come in increasing threshold and margin, so "strictly better" keeps the smaller ones on ties.
    private static bool IsBetter(DecisionOutcomes candidate, DecisionOutcomes best, double target)
    {
        var candidateMeets = candidate.OutOfScopeRecall >= target;
        var bestMeets = best.OutOfScopeRecall >= target;
        if (candidateMeets != bestMeets)
            return candidateMeets;
        if (!candidateMeets && candidate.OutOfScopeDeclined != best.OutOfScopeDeclined)
            return candidate.OutOfScopeDeclined > best.OutOfScopeDeclined;
        if (candidate.AnsweredCorrect != best.AnsweredCorrect)
            return candidate.AnsweredCorrect > best.AnsweredCorrect;
        return candidate.AnsweredWrong < best.AnsweredWrong;
    }
}
