using Botshop.Core.Knowledge;
using Botshop.Core.Models;

namespace Botshop.Core.Tests;

public sealed class RegressionGateTests
{
    private static readonly RegressionSetInfo Set = new(5, 80, 0, "abc");
    private static readonly RegressionScore Regression = new(70, 85, 5, 5, 65, 80);

    [Fact]
    public void The_first_model_is_promoted_without_comparison()
    {
        var gate = RegressionGate.Decide(1, Report(("a", 0.9, 40, 2), ("b", 0.8, 40, 3), Oos(50, 45)), Regression, null, Set, 0.01);

        Assert.Equal((GateVerdict.Promoted, (GateScores?)null), (gate.Verdict, gate.Active));
        Assert.Empty(gate.Comparisons);
        Assert.Equal(Regression, gate.Candidate.Regression);
    }

    [Fact]
    public void A_fall_of_exactly_the_tolerance_passes_and_a_larger_one_is_rejected_with_its_metric_named()
    {
        var active = (2L, Report(("a", 0.9, 100, 0), Oos(100, 90)), new RegressionScore(90, 100, 0, 0, 90, 100));

        var atTolerance = RegressionGate.Decide(3, Report(("a", 0.9, 100, 0), Oos(100, 90)), new RegressionScore(89, 100, 0, 0, 89, 100), active, Set, 0.01);
        var beyond = RegressionGate.Decide(3, Report(("a", 0.9, 100, 0), Oos(100, 90)), new RegressionScore(88, 100, 0, 0, 88, 100), active, Set, 0.01);

        Assert.Equal(GateVerdict.Promoted, atTolerance.Verdict);
        Assert.Equal(GateVerdict.Rejected, beyond.Verdict);
        Assert.Equal([RegressionGate.RegressionAccuracy], beyond.Comparisons.Where(c => c.Regressed).Select(c => c.Metric));
        Assert.StartsWith("regression accuracy fell 0.020 (0.900 -> 0.880)", beyond.Reason);
        Assert.Contains("version 2", beyond.Reason);
    }

    [Fact]
    public void Every_metric_that_fell_too_far_is_in_the_reason()
    {
        var active = (2L, Report(("a", 0.95, 100, 0), ("b", 0.95, 100, 0), Oos(100, 90)), Regression);
        // "a" loses recall, and its questions are now declined: accuracy, macro-F1 and out-of-scope precision all fall.
        var candidate = Report(("a", 0.80, 100, 15), ("b", 0.95, 100, 0), Oos(100, 90));

        var gate = RegressionGate.Decide(3, candidate, Regression, active, Set, 0.01);

        Assert.Equal(GateVerdict.Rejected, gate.Verdict);
        Assert.Equal([RegressionGate.InScopeAccuracy, RegressionGate.MacroF1, RegressionGate.OutOfScopePrecision],
            gate.Comparisons.Where(c => c.Regressed).Select(c => c.Metric));
        foreach (var metric in new[] { "in-scope accuracy", "macro-F1", "out-of-scope precision" }) Assert.Contains(metric, gate.Reason);
    }

    [Fact]
    public void An_intent_new_in_the_candidate_is_judged_by_the_regression_set_not_by_the_cross_validated_means()
    {
        var active = (2L, Report(("a", 0.9, 100, 2), Oos(100, 90)), Regression);
        // The new intent is learned from five examples: poor in cross-validation, and some of its questions declined.
        var candidate = Report(("a", 0.9, 100, 2), ("new", 0.2, 5, 4), Oos(100, 90));

        var gate = RegressionGate.Decide(3, candidate, Regression, active, Set, 0.01);

        Assert.Equal(GateVerdict.Promoted, gate.Verdict);
        Assert.Equal(["a", Intent.OutOfScope], gate.ComparedIntents);
        Assert.Equal(0.9, gate.Candidate.InScopeAccuracy, 9);
        Assert.Equal(90.0 / 92, gate.Candidate.OutOfScopePrecision, 9);
    }

    [Fact]
    public void Restricted_to_all_of_its_intents_a_report_keeps_its_own_figures()
    {
        var report = Report(("a", 0.9, 80, 3), ("b", 0.7, 20, 5), Oos(60, 50));

        var scores = RegressionGate.Scores(1, report, Regression, report.PerIntent.Select(i => i.Intent).ToList());

        Assert.Equal(report.InScopeAccuracy, scores.InScopeAccuracy, 9);
        Assert.Equal(report.MacroF1, scores.MacroF1, 9);
        Assert.Equal(report.OutOfScopePrecision, scores.OutOfScopePrecision, 9);
    }

    [Fact]
    public void A_report_stored_before_declines_were_counted_compares_its_own_out_of_scope_precision()
    {
        var old = Report(("a", 0.9, 100, 0), Oos(100, 90));
        old = old with { PerIntent = old.PerIntent.Select(i => i with { Declined = null }).ToList(), OutOfScopePrecision = 0.85 };

        var scores = RegressionGate.Scores(1, old, Regression, ["a", Intent.OutOfScope]);

        Assert.Equal(0.85, scores.OutOfScopePrecision);
    }

    private static (string, double, int, int) Oos(int support, int declined) => (Intent.OutOfScope, (double)declined / support, support, declined);

    /// <summary>A consistent report from per-intent (recall, support, declined); precision is taken equal to recall.</summary>
    private static EvaluationReport Report(params (string Intent, double Recall, int Support, int Declined)[] intents)
    {
        var perIntent = intents.Select(i => new IntentMetrics(i.Intent, i.Recall, i.Recall, i.Recall, i.Support, i.Declined)).ToList();
        var inScope = perIntent.Where(i => i.Intent != Intent.OutOfScope).ToList();
        var accuracy = inScope.Sum(i => i.Recall * i.Support) / inScope.Sum(i => i.Support);
        var oos = perIntent.Single(i => i.Intent == Intent.OutOfScope);
        var precision = (double)oos.Declined!.Value / perIntent.Sum(i => i.Declined!.Value);
        return new EvaluationReport("LbfgsMaximumEntropy", 5, perIntent.Sum(i => i.Support), 0.25f, 0f, accuracy,
            perIntent.Average(i => i.F1), precision, oos.Recall, accuracy, perIntent, [], []);
    }
}
