using Botshop.Core.Models;
using Dapper;

namespace Botshop.Storage;

/// <summary>
/// The training_jobs queue. A claim is one UPDATE whose WHERE clause only the first of several concurrent workers can
/// satisfy (the row stops being claimable the moment it is claimed: PostgreSQL re-checks the condition on the updated
/// row, SQLite runs writers one at a time), so across replicas exactly one worker runs a job. A worker owns its job
/// while its heartbeat is fresh; every later write is conditional on that ownership.
/// </summary>
public sealed class TrainingJobStore(BotshopDatabase db, TimeProvider time) : ITrainingJobStore
{
    private const string Columns = """
        id, requested_by AS RequestedBy, requested_at AS RequestedAt, started_at AS StartedAt,
        finished_at AS FinishedAt, status, progress, progress_step AS ProgressStep, progress_total AS ProgressTotal,
        model_version_id AS ModelVersionId, error, worker, heartbeat_at AS HeartbeatAt, attempts
        """;

    // Claimable: waiting, or running under a worker that stopped sending heartbeats, and not out of attempts.
    private const string Claimable = """
        (status = 'queued' OR (status = 'running' AND heartbeat_at < @StaleBefore)) AND attempts < @MaxAttempts
        """;

    private const string Queued = "queued";

    public async Task<(TrainingJob Job, bool Created)> EnqueueAsync(string requestedBy, JobLease lease, CancellationToken ct)
    {
        // The queue lock makes "none waiting, so insert" one step across processes (PostgreSQL's READ COMMITTED would
        // let two requests both see an empty queue).
        await using var tx = await db.BeginExclusiveAsync(StoreLock.TrainingQueue, ct);
        var now = time.GetUtcNow();
        await FailAbandonedAsync(tx, now, lease, ct);
        var pending = await tx.Connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM training_jobs WHERE status IN ('queued', 'running') ORDER BY id LIMIT 1",
            transaction: tx.Transaction, cancellationToken: ct));
        if (pending is not null)
        {
            await tx.CommitAsync(ct);
            return (pending.ToJob(), false);
        }
        var created = await tx.Connection.QuerySingleAsync<Row>(new CommandDefinition($"""
            INSERT INTO training_jobs (requested_by, requested_at, status, progress)
            VALUES (@RequestedBy, @Now, 'queued', 'Waiting for a worker')
            RETURNING {Columns}
            """,
            new { RequestedBy = requestedBy, Now = StorageJson.ToUnixMs(now) }, tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (created.ToJob(), true);
    }

    public async Task<TrainingJob?> ClaimAsync(string worker, long? jobId, JobLease lease, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var now = time.GetUtcNow();
        await FailAbandonedAsync(tx, now, lease, ct);
        // The condition is repeated outside the subquery on purpose: a second claimer blocked on the row re-checks it
        // against the first claimer's committed update and finds the row no longer claimable.
        var claimed = await tx.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"""
            UPDATE training_jobs
            SET status = 'running', worker = @Worker, started_at = @Now, heartbeat_at = @Now, attempts = attempts + 1,
                progress = 'Starting', progress_step = NULL, progress_total = NULL, error = NULL
            WHERE id = (SELECT id FROM training_jobs
                        WHERE {Claimable} AND (CAST(@JobId AS BIGINT) IS NULL OR id = CAST(@JobId AS BIGINT))
                        ORDER BY id LIMIT 1)
              AND {Claimable}
            RETURNING {Columns}
            """,
            new { Worker = worker, Now = StorageJson.ToUnixMs(now), JobId = jobId, lease.MaxAttempts, StaleBefore = StaleBefore(now, lease) },
            tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return claimed?.ToJob();
    }

    public Task<bool> ReportAsync(long id, string worker, string progress, int step, int total, CancellationToken ct) =>
        UpdateOwnedAsync("""
            UPDATE training_jobs SET progress = @Progress, progress_step = @Step, progress_total = @Total, heartbeat_at = @Now
            WHERE id = @Id AND worker = @Worker AND status = 'running'
            """, new { Id = id, Worker = worker, Progress = progress, Step = step, Total = total, Now = Now() }, ct);

    public Task<bool> FinishAsync(long id, string worker, TrainingJobStatus status, long? modelVersionId, string? error, CancellationToken ct)
    {
        if (status is TrainingJobStatus.Queued or TrainingJobStatus.Running)
            throw new ArgumentOutOfRangeException(nameof(status), status, "A job finishes as promoted, rejected or failed.");
        return UpdateOwnedAsync("""
            UPDATE training_jobs
            SET status = @Status, finished_at = @Now, heartbeat_at = @Now, model_version_id = @ModelVersionId, error = @Error
            WHERE id = @Id AND worker = @Worker AND status = 'running'
            """, new { Id = id, Worker = worker, Status = StatusText(status), ModelVersionId = modelVersionId, Error = error, Now = Now() }, ct);
    }

    public Task<bool> ReleaseAsync(long id, string worker, CancellationToken ct) =>
        // Not an attempt that failed: the worker was asked to stop, so the claim is given back.
        UpdateOwnedAsync("""
            UPDATE training_jobs
            SET status = 'queued', worker = NULL, heartbeat_at = NULL, started_at = NULL, attempts = attempts - 1,
                progress = 'Waiting for a worker (the previous one stopped)', progress_step = NULL, progress_total = NULL
            WHERE id = @Id AND worker = @Worker AND status = 'running'
            """, new { Id = id, Worker = worker }, ct);

    public async Task<TrainingJob?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM training_jobs WHERE id = @id", new { id }, cancellationToken: ct));
        return row?.ToJob();
    }

    public async Task<IReadOnlyList<TrainingJob>> RecentAsync(int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM training_jobs ORDER BY id DESC LIMIT @Limit",
            new { Limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: ct));
        return rows.Select(r => r.ToJob()).ToList();
    }

    private static Task FailAbandonedAsync(StoreTransaction tx, DateTimeOffset now, JobLease lease, CancellationToken ct) =>
        tx.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE training_jobs SET status = 'failed', finished_at = @Now, error = @Error
            WHERE status = 'running' AND heartbeat_at < @StaleBefore AND attempts >= @MaxAttempts
            """,
            new
            {
                Now = StorageJson.ToUnixMs(now),
                StaleBefore = StaleBefore(now, lease),
                lease.MaxAttempts,
                Error = $"abandoned: its worker stopped responding {lease.MaxAttempts} time(s)",
            },
            tx.Transaction, cancellationToken: ct));

    // Progress and heartbeats are background writes: on SQLite they queue behind at most one other such write and
    // never in front of a webhook's acknowledgement.
    private async Task<bool> UpdateOwnedAsync(string sql, object args, CancellationToken ct)
    {
        await using var tx = await db.BeginBackgroundWriteAsync(ct);
        var updated = await tx.Connection.ExecuteAsync(new CommandDefinition(sql, args, tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return updated == 1;
    }

    private long Now() => StorageJson.ToUnixMs(time.GetUtcNow());

    private static long StaleBefore(DateTimeOffset now, JobLease lease) => StorageJson.ToUnixMs(now - lease.Timeout);

    private static string StatusText(TrainingJobStatus status) => status.ToString().ToLowerInvariant();

    private sealed class Row
    {
        public long Id { get; init; }
        public string RequestedBy { get; init; } = "";
        public long RequestedAt { get; init; }
        public long? StartedAt { get; init; }
        public long? FinishedAt { get; init; }
        public string Status { get; init; } = Queued;
        public string? Progress { get; init; }
        public int? ProgressStep { get; init; }
        public int? ProgressTotal { get; init; }
        public long? ModelVersionId { get; init; }
        public string? Error { get; init; }
        public string? Worker { get; init; }
        public long? HeartbeatAt { get; init; }
        public int Attempts { get; init; }

        public TrainingJob ToJob() => new(
            Id, RequestedBy, StorageJson.FromUnixMs(RequestedAt), At(StartedAt), At(FinishedAt),
            Enum.Parse<TrainingJobStatus>(Status, ignoreCase: true), Progress, ProgressStep, ProgressTotal,
            ModelVersionId, Error, Worker, At(HeartbeatAt), Attempts);

        private static DateTimeOffset? At(long? ms) => ms is null ? null : StorageJson.FromUnixMs(ms.Value);
    }
}
