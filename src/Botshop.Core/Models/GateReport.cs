using System.Text.Json.Serialization;

namespace Botshop.Core.Models;

/// <summary>
/// The regression gate's decision on a candidate version, stored with it (model_versions.gate_report): both
/// versions' scores, the tolerance, the verdict and the reason.
/// </summary>
/// <param name="Active">The version compared with; null for the first model, promoted without comparison.</param>
/// <param name="ComparedIntents">The intents both versions were cross-validated on: accuracy and macro-F1 are compared on these.</param>
public sealed record GateReport(
    GateVerdict Verdict,
    string Reason,
    double Tolerance,
    GateScores Candidate,
    GateScores? Active,
    RegressionSetInfo RegressionSet,
    IReadOnlyList<string> ComparedIntents,
    IReadOnlyList<MetricComparison> Comparisons);

[JsonConverter(typeof(JsonStringEnumConverter<GateVerdict>))]
public enum GateVerdict
{
    [JsonStringEnumMemberName("promoted")] Promoted,
    [JsonStringEnumMemberName("rejected")] Rejected,
}

/// <summary>One version's side of the comparison.</summary>
/// <param name="InScopeAccuracy">Cross-validated, over the compared intents: an intent new in the candidate is judged by the regression set instead.</param>
/// <param name="MacroF1">Cross-validated, mean F1 over the compared intents.</param>
/// <param name="OutOfScopePrecision">Cross-validated, counting only declines of the compared intents' questions.</param>
public sealed record GateScores(long VersionId, RegressionScore Regression, double InScopeAccuracy, double MacroF1, double OutOfScopePrecision);

/// <summary>One metric of both versions; <see cref="Regressed"/> when it fell by more than the tolerance.</summary>
public sealed record MetricComparison(string Metric, double Candidate, double Active, double Change, bool Regressed);
