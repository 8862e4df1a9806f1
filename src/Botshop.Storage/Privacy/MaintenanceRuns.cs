using Dapper;

namespace Botshop.Storage.Privacy;

/// <summary>
/// The last run of each once-across-replicas job (maintenance_runs). A replica claims a run under the store's
/// maintenance lock: the claim fails while another replica's run of the same job is still within its interval.
/// </summary>
public sealed class MaintenanceRuns(BotshopDatabase db, TimeProvider time)
{
    /// <summary>
    /// Records a run of <paramref name="job"/> as started now, unless one started less than
    /// <paramref name="interval"/> ago. True when this caller now owns the run.
    /// </summary>
    public async Task<bool> TryClaimAsync(string job, TimeSpan interval, CancellationToken ct)
    {
        await using var tx = await db.BeginExclusiveAsync(StoreLock.Maintenance, ct);
        // Read the clock only once the lock is held: read before, a claim made while waiting would look "in the future".
        var now = StorageJson.ToUnixMs(time.GetUtcNow());
        var last = await tx.Connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT started_at FROM maintenance_runs WHERE job = @job", new { job }, tx.Transaction, cancellationToken: ct));
        // Replicas' clocks differ a little: a start slightly "in the future" is another replica's recent run. Only a
        // start more than an interval ahead (a clock set back) is taken as stale, so the job is never blocked for good.
        var window = (long)interval.TotalMilliseconds;
        if (last is { } started && Math.Abs(now - started) < window) return false;
        await tx.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO maintenance_runs (job, started_at, finished_at, detail) VALUES (@job, @now, NULL, NULL)
            ON CONFLICT (job) DO UPDATE SET started_at = excluded.started_at, finished_at = NULL, detail = NULL
            """, new { job, now }, tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Records what the claimed run did.</summary>
    public async Task FinishAsync(string job, object detail, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        await tx.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE maintenance_runs SET finished_at = @now, detail = @detail WHERE job = @job",
            new { job, now = StorageJson.ToUnixMs(time.GetUtcNow()), detail = StorageJson.Write(detail) },
            tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>The last recorded run of <paramref name="job"/>, or null when it never ran.</summary>
    public async Task<MaintenanceRun?> LastAsync(string job, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT started_at AS StartedAt, finished_at AS FinishedAt, detail AS Detail FROM maintenance_runs WHERE job = @job",
            new { job }, cancellationToken: ct));
        return row is null ? null : new MaintenanceRun(job, StorageJson.FromUnixMs(row.StartedAt),
            row.FinishedAt is { } f ? StorageJson.FromUnixMs(f) : null, row.Detail);
    }

    private sealed class Row
    {
        public long StartedAt { get; init; }
        public long? FinishedAt { get; init; }
        public string? Detail { get; init; }
    }
}

/// <param name="FinishedAt">Null while running, or when the run stopped before finishing.</param>
/// <param name="Detail">JSON written by the job.</param>
public sealed record MaintenanceRun(string Job, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Detail);
