using Botshop.Core.Answering;
using Botshop.Core.Knowledge;

namespace Botshop.Ml;

/// <summary>
/// What a <see cref="DecisionPolicy"/> does with a set of labelled predictions. The definitions used everywhere:
/// <list type="bullet">
/// <item>answered correct: an in-scope question whose decision is <see cref="DecisionKind.Intent"/> with the true intent;</item>
/// <item>answered wrong: any question (in-scope or out-of-scope) whose decision is an intent other than its true one;</item>
/// <item>declined: decision <see cref="DecisionKind.OutOfScope"/> (top is out_of_scope, or below the threshold);</item>
/// <item>an <see cref="DecisionKind.Ambiguous"/> decision is neither answered nor declined: it asks back. For an
/// out-of-scope question that is acceptable (nothing false is said) but it does not count as detected.</item>
/// </list>
/// </summary>
internal readonly record struct DecisionOutcomes(
    int InScope, int AnsweredCorrect, int AnsweredWrong, int OutOfScope, int OutOfScopeDeclined, int Declined)
{
    /// <summary>Share of in-scope questions answered with the right intent.</summary>
    public double AnsweredCorrectRate => Ratio(AnsweredCorrect, InScope);

    /// <summary>Share of out-of-scope questions declined (Ambiguous is not detection).</summary>
    public double OutOfScopeRecall => Ratio(OutOfScopeDeclined, OutOfScope);

    /// <summary>Share of declined questions that really were out of scope.</summary>
    public double OutOfScopePrecision => Ratio(OutOfScopeDeclined, Declined);

    public static DecisionOutcomes Count(DecisionPolicy policy, IReadOnlyList<IntentPrediction> predictions, IReadOnlyList<string> truth)
    {
        int inScope = 0, correct = 0, wrong = 0, oos = 0, oosDeclined = 0, declined = 0;
        for (var i = 0; i < predictions.Count; i++)
        {
            var isOos = truth[i] == Intent.OutOfScope;
            if (isOos) oos++; else inScope++;
            var decision = policy.Decide(predictions[i]);
            switch (decision.Kind)
            {
                case DecisionKind.OutOfScope:
                    declined++;
                    if (isOos) oosDeclined++;
                    break;
                case DecisionKind.Intent when decision.Intent == truth[i]:
                    correct++;
                    break;
                case DecisionKind.Intent:
                    wrong++;
                    break;
            }
        }
        return new DecisionOutcomes(inScope, correct, wrong, oos, oosDeclined, declined);
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
