namespace Botshop.Core.Models;

/// <summary>Cross-validated quality of one trained model: what recruiters compare versions by.</summary>
public sealed record EvaluationReport(
    string Trainer,
    int Folds,
    int Examples,
    float Threshold,
    float AmbiguityMargin,
    double InScopeAccuracy,
    double MacroF1,
    double OutOfScopePrecision,
    double OutOfScopeRecall,
    /// <summary>Share of in-scope questions answered with the right intent after threshold and margin.</summary>
    double AnsweredCorrectRate,
    IReadOnlyList<IntentMetrics> PerIntent,
    IReadOnlyList<ConfusedPair> MostConfused,
    IReadOnlyList<TrainerScore> TrainerComparison);

/// <param name="Declined">How many of its questions the tuned policy declined (for out_of_scope: rightly); null in reports stored before it was counted.</param>
public sealed record IntentMetrics(string Intent, double Precision, double Recall, double F1, int Support, int? Declined = null);

public sealed record ConfusedPair(string Expected, string Predicted, int Count);

/// <summary>One candidate trainer's cross-validated scores, as compared when choosing the trainer.</summary>
public sealed record TrainerScore(string Trainer, double InScopeAccuracy, double MacroF1, double OutOfScopeRecall, double Seconds);
