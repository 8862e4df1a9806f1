using System.Globalization;
using Botshop.Core.Knowledge;

namespace Botshop.Core.Models;

/// <summary>
/// Decides whether a candidate version may replace the active one: promoted only if no compared metric falls by more
/// than the tolerance (absolute). The first model, with nothing to compare against, is promoted.
/// </summary>
public static class RegressionGate
{
    public const string RegressionAccuracy = "regression accuracy";
    public const string InScopeAccuracy = "in-scope accuracy";
    public const string MacroF1 = "macro-F1";
    public const string OutOfScopePrecision = "out-of-scope precision";

    // Sums of doubles differ in the last bits; a change of exactly the tolerance is not a regression.
    private const double Epsilon = 1e-9;

    public static GateReport Decide(
        long candidateId, EvaluationReport candidateReport, RegressionScore candidateRegression,
        (long Id, EvaluationReport Report, RegressionScore Regression)? active,
        RegressionSetInfo set, double tolerance)
    {
        if (active is not { } a)
        {
            var intents = candidateReport.PerIntent.Select(i => i.Intent).ToList();
            var first = Scores(candidateId, candidateReport, candidateRegression, intents);
            return new GateReport(GateVerdict.Promoted, "First model: no active version to compare with.",
                tolerance, first, null, set, intents, []);
        }

        var compared = candidateReport.PerIntent.Select(i => i.Intent)
            .Intersect(a.Report.PerIntent.Select(i => i.Intent), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        var candidate = Scores(candidateId, candidateReport, candidateRegression, compared);
        var current = Scores(a.Id, a.Report, a.Regression, compared);
        var comparisons = new[]
        {
            Compare(RegressionAccuracy, candidate.Regression.Accuracy, current.Regression.Accuracy, tolerance),
            Compare(InScopeAccuracy, candidate.InScopeAccuracy, current.InScopeAccuracy, tolerance),
            Compare(MacroF1, candidate.MacroF1, current.MacroF1, tolerance),
            Compare(OutOfScopePrecision, candidate.OutOfScopePrecision, current.OutOfScopePrecision, tolerance),
        };
        var regressed = comparisons.Where(c => c.Regressed).ToList();
        var verdict = regressed.Count == 0 ? GateVerdict.Promoted : GateVerdict.Rejected;
        var reason = regressed.Count == 0
            ? $"No metric fell by more than {F(tolerance)} against version {a.Id} (regression set {candidate.Regression.Correct}/{candidate.Regression.Total} against {current.Regression.Correct}/{current.Regression.Total})."
            : string.Join("; ", regressed.Select(r => $"{r.Metric} fell {F(-r.Change)} ({F(r.Active)} -> {F(r.Candidate)})"))
              + $", more than the tolerance {F(tolerance)} against version {a.Id}.";
        return new GateReport(verdict, reason, tolerance, candidate, current, set, compared, comparisons);
    }

    /// <summary>
    /// Cross-validated metrics restricted to <paramref name="intents"/>, each equal to the report's own figure when no
    /// intent is left out: in-scope accuracy is the support-weighted recall of the in-scope intents; out-of-scope
    /// precision counts only the declines of those intents' questions (the report's figure for reports that did not
    /// count declines per intent).
    /// </summary>
    public static GateScores Scores(long versionId, EvaluationReport report, RegressionScore regression, IReadOnlyCollection<string> intents)
    {
        var kept = report.PerIntent.Where(i => intents.Contains(i.Intent)).ToList();
        var inScope = kept.Where(i => i.Intent != Intent.OutOfScope && i.Support > 0).ToList();
        var support = inScope.Sum(i => i.Support);
        var accuracy = support == 0 ? 0 : inScope.Sum(i => i.Recall * i.Support) / support;
        var macroF1 = kept.Count == 0 ? 0 : kept.Average(i => double.IsNaN(i.F1) ? 0 : i.F1);
        return new GateScores(versionId, regression, accuracy, macroF1, RestrictedOutOfScopePrecision(report, kept));
    }

    private static double RestrictedOutOfScopePrecision(EvaluationReport report, IReadOnlyList<IntentMetrics> kept)
    {
        if (kept.Any(i => i.Declined is null)) return report.OutOfScopePrecision;
        var declined = kept.Sum(i => i.Declined!.Value);
        var rightly = kept.Where(i => i.Intent == Intent.OutOfScope).Sum(i => i.Declined!.Value);
        return declined == 0 ? 0 : (double)rightly / declined;
    }

    private static MetricComparison Compare(string metric, double candidate, double active, double tolerance)
    {
        var change = candidate - active;
        return new MetricComparison(metric, candidate, active, change, change < -tolerance - Epsilon);
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
