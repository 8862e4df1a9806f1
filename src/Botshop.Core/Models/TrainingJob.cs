namespace Botshop.Core.Models;

/// <summary>A request to retrain, and how far it got. Runs in the background, one at a time across replicas.</summary>
/// <param name="Worker">The process running it (host, process id and a random suffix); null while queued.</param>
/// <param name="HeartbeatAt">Last sign of life from <paramref name="Worker"/>: a running job whose heartbeat is older than the lease is taken over.</param>
/// <param name="Attempts">How many times a worker claimed it (more than one after a worker died mid-run).</param>
public sealed record TrainingJob(
    long Id,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    TrainingJobStatus Status,
    string? Progress,
    int? ProgressStep,
    int? ProgressTotal,
    long? ModelVersionId,
    string? Error,
    string? Worker,
    DateTimeOffset? HeartbeatAt,
    int Attempts)
{
    public bool IsFinished => Status is TrainingJobStatus.Promoted or TrainingJobStatus.Rejected or TrainingJobStatus.Failed;
}

public enum TrainingJobStatus
{
    Queued,
    Running,

    /// <summary>The trained version passed the gate and is active.</summary>
    Promoted,

    /// <summary>The trained version failed the gate and stays a candidate (model status rejected).</summary>
    Rejected,

    Failed,
}

/// <summary>How long a running job's worker may stay silent before another takes the job over, and how often it may be taken over.</summary>
public sealed record JobLease(TimeSpan Timeout, int MaxAttempts);

/// <summary>The training job queue: claims are atomic, so of many workers exactly one runs a job.</summary>
public interface ITrainingJobStore
{
    /// <summary>
    /// Queues a job unless one is already queued or running (a live one, or a stalled one that will be taken over);
    /// returns that job and whether it was created now. Stalled jobs out of attempts are marked failed first.
    /// </summary>
    Task<(TrainingJob Job, bool Created)> EnqueueAsync(string requestedBy, JobLease lease, CancellationToken ct);

    /// <summary>
    /// Atomically takes the oldest queued job (or a running one whose heartbeat is older than the lease), or the job
    /// <paramref name="jobId"/> only when given. Null when there is nothing to take or another worker won.
    /// </summary>
    Task<TrainingJob?> ClaimAsync(string worker, long? jobId, JobLease lease, CancellationToken ct);

    /// <summary>Records progress and renews the heartbeat. False when <paramref name="worker"/> no longer owns the job.</summary>
    Task<bool> ReportAsync(long id, string worker, string progress, int step, int total, CancellationToken ct);

    /// <summary>Ends an owned running job. False when <paramref name="worker"/> no longer owns it (nothing is written).</summary>
    Task<bool> FinishAsync(long id, string worker, TrainingJobStatus status, long? modelVersionId, string? error, CancellationToken ct);

    /// <summary>Puts an owned running job back in the queue (a worker shutting down), so the next worker starts it at once.</summary>
    Task<bool> ReleaseAsync(long id, string worker, CancellationToken ct);

    Task<TrainingJob?> GetAsync(long id, CancellationToken ct);

    /// <summary>The newest jobs first.</summary>
    Task<IReadOnlyList<TrainingJob>> RecentAsync(int limit, CancellationToken ct);
}
