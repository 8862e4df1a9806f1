using Botshop.Core.Models;

namespace Botshop.Storage.Tests.Infrastructure;

/// <summary>Model versions to store: what the store keeps matters to these tests, not what the model does.</summary>
public static class SampleModels
{
    public static ModelVersion Version(string trainer, DateTimeOffset? at = null) => new(
        0, at ?? DateTimeOffset.UnixEpoch.AddDays(20_000), trainer, 0.42f, 0.07f, "sha256:abc",
        new EvaluationReport(trainer, 5, 300, 0.42f, 0.07f, 0.91, 0.88, 0.8, 0.75, 0.83,
            [new IntentMetrics("requirements", 0.9, 0.8, 0.85, 20), new IntentMetrics("never_predicted", double.NaN, 0, double.NaN, 3)],
            [new ConfusedPair("requirements", "duration", 2)],
            [new TrainerScore(trainer, 0.91, 0.88, 0.75, 1.5)]),
        IsActive: false);
}
