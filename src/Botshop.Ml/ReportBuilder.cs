using Botshop.Core.Answering;
using Botshop.Core.Knowledge;
using Botshop.Core.Models;

namespace Botshop.Ml;

/// <summary>
/// Turns out-of-fold predictions into an <see cref="EvaluationReport"/>. Two kinds of numbers, on purpose:
/// accuracy, macro-F1, per-intent metrics and confusions judge the classifier alone (argmax, no policy);
/// out-of-scope precision/recall and the answered-correct rate judge what candidates get (with the tuned policy).
/// </summary>
internal static class ReportBuilder
{
    private const int ConfusedPairsShown = 10;

    public static EvaluationReport Build(
        OutOfFold oof, IReadOnlyList<string> truth, int folds, DecisionPolicy policy, IReadOnlyList<TrainerScore> comparison)
    {
        var predicted = oof.Predictions.Select(p => p.Top.Intent).ToArray();
        var outcome = DecisionOutcomes.Count(policy, oof.Predictions, truth);
        var declined = DeclinedPerIntent(policy, oof.Predictions, truth);
        var perIntent = PerIntent(truth, predicted).Select(m => m with { Declined = declined.GetValueOrDefault(m.Intent) }).ToList();
        return new EvaluationReport(
            oof.Trainer, folds, truth.Count, policy.Threshold, policy.AmbiguityMargin,
            InScopeAccuracy(truth, predicted),
            MacroF1(perIntent),
            outcome.OutOfScopePrecision,
            outcome.OutOfScopeRecall,
            outcome.AnsweredCorrectRate,
            perIntent,
            MostConfused(truth, predicted),
            comparison);
    }

    public static TrainerScore Score(OutOfFold oof, IReadOnlyList<string> truth, DecisionPolicy policy)
    {
        var predicted = oof.Predictions.Select(p => p.Top.Intent).ToArray();
        return new TrainerScore(
            oof.Trainer,
            InScopeAccuracy(truth, predicted),
            MacroF1(PerIntent(truth, predicted)),
            DecisionOutcomes.Count(policy, oof.Predictions, truth).OutOfScopeRecall,
            Math.Round(oof.Seconds, 3));
    }

    /// <summary>Share of in-scope questions whose top-ranked intent is the true one (out_of_scope on top is a miss).</summary>
    public static double InScopeAccuracy(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        var inScope = Enumerable.Range(0, truth.Count).Where(i => truth[i] != Intent.OutOfScope).ToList();
        return inScope.Count == 0 ? 0 : (double)inScope.Count(i => predicted[i] == truth[i]) / inScope.Count;
    }

    /// <summary>Unweighted mean F1 over every intent that occurs in the data, out_of_scope included.</summary>
    public static double MacroF1(IReadOnlyList<IntentMetrics> perIntent) =>
        perIntent.Count == 0 ? 0 : perIntent.Average(m => m.F1);

    /// <summary>Argmax precision, recall and F1 per true intent; an intent predicted but never true is left out.</summary>
    public static IReadOnlyList<IntentMetrics> PerIntent(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        return truth.Distinct().Order(StringComparer.Ordinal).Select(intent =>
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < truth.Count; i++)
            {
                var isTrue = truth[i] == intent;
                var isPredicted = predicted[i] == intent;
                if (isTrue && isPredicted) tp++;
                else if (isPredicted) fp++;
                else if (isTrue) fn++;
            }
            var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new IntentMetrics(intent, precision, recall, f1, tp + fn);
        }).ToList();
    }

    /// <summary>Per true intent, how many questions the policy declined: lets out-of-scope precision be recomputed over a subset of intents.</summary>
    private static Dictionary<string, int> DeclinedPerIntent(DecisionPolicy policy, IReadOnlyList<IntentPrediction> predictions, IReadOnlyList<string> truth) =>
        Enumerable.Range(0, truth.Count)
            .Where(i => policy.Decide(predictions[i]).Kind == DecisionKind.OutOfScope)
            .GroupBy(i => truth[i], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static IReadOnlyList<ConfusedPair> MostConfused(IReadOnlyList<string> truth, IReadOnlyList<string> predicted) =>
        Enumerable.Range(0, truth.Count)
            .Where(i => truth[i] != predicted[i])
            .GroupBy(i => (Expected: truth[i], Predicted: predicted[i]))
            .Select(g => new ConfusedPair(g.Key.Expected, g.Key.Predicted, g.Count()))
            .OrderByDescending(p => p.Count)
            .ThenBy(p => p.Expected, StringComparer.Ordinal)
            .ThenBy(p => p.Predicted, StringComparer.Ordinal)
            .Take(ConfusedPairsShown)
            .ToList();
}
