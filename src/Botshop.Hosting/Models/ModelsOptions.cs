using Botshop.Core.Models;
using Botshop.Ml;

namespace Botshop.Hosting.Models;

/// <summary>Retraining, the regression gate and the schedule (section "Models").</summary>
public sealed class ModelsOptions
{
    public const string Section = "Models";

    /// <summary>How far (absolute) any compared metric may fall before the gate rejects a candidate.</summary>
    public double RegressionTolerance { get; set; } = 0.01;

    /// <summary>When set, the worker queues a retrain this often if the training data changed since the last version; off when null.</summary>
    public TimeSpan? RetrainEvery { get; set; }

    /// <summary>Trainers cross-validated against each other (names from IntentTrainers); empty compares all, as `botshop train` always did.</summary>
    public string[] Trainers { get; set; } = [];

    /// <summary>How often an idle worker looks for queued jobs (a job requested in the same process starts at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A running job whose worker sent no heartbeat for this long is taken over by another worker. Heartbeats come
    /// every quarter of it from a loop beside the training, so only a stopped or frozen process lets it lapse.
    /// </summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many workers may claim one job before it is marked failed (a job that kills its worker is not retried forever).</summary>
    public int MaxAttempts { get; set; } = 3;

    public JobLease Lease => new(LeaseTimeout, MaxAttempts);

    public TimeSpan HeartbeatInterval => LeaseTimeout / 4;

    public TrainingOptions TrainingOptions => new(Trainers: Trainers.Length == 0 ? null : Trainers);

    /// <summary>Every problem with the settings, as messages naming the key; empty when valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (RegressionTolerance is < 0 or > 1 || double.IsNaN(RegressionTolerance))
            yield return "Models:RegressionTolerance must be between 0 and 1 (an absolute change in a metric).";
        if (RetrainEvery is { } every && every < TimeSpan.FromMinutes(1))
            yield return "Models:RetrainEvery must be at least 00:01:00, or empty to turn the schedule off.";
        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromHours(1))
            yield return "Models:PollInterval must be between 00:00:00.1 and 01:00:00.";
        if (LeaseTimeout < TimeSpan.FromSeconds(4))
            yield return "Models:LeaseTimeout must be at least 00:00:04.";
        if (MaxAttempts is < 1 or > 100)
            yield return "Models:MaxAttempts must be between 1 and 100.";
        var unknown = Trainers.Except(IntentTrainers.All).ToList();
        if (unknown.Count > 0)
            yield return $"Models:Trainers has unknown trainer(s) {string.Join(", ", unknown)}; known: {string.Join(", ", IntentTrainers.All)}.";
    }
}
