namespace Botshop.Ml;

/// <summary>How to cross-validate and train.</summary>
/// <param name="Trainers">Names from <see cref="IntentTrainers"/>; null compares all of them.</param>
/// <param name="TargetOutOfScopeRecall">The share of out-of-scope questions the tuned policy must decline.</param>
public sealed record TrainingOptions(
    int Folds = 5,
    int Seed = 42,
    IReadOnlyList<string>? Trainers = null,
    double TargetOutOfScopeRecall = 0.90)
{
    public IReadOnlyList<string> TrainersToCompare => Trainers is { Count: > 0 } ? Trainers : IntentTrainers.All;
}

/// <summary>Where a long training run is, so a CLI can draw a progress bar.</summary>
public sealed record TrainingProgress(string Stage, int Step, int TotalSteps);
