using Botshop.Storage.Privacy;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Privacy;

/// <summary>Applies Privacy:RetentionDays: the server's background purge and `botshop purge` both come through here.</summary>
public sealed class RetentionRunner(RetentionPurge purge, MaintenanceRuns runs, IOptions<PrivacyOptions> options, TimeProvider time)
{
    /// <summary>Messages received before this instant are due.</summary>
    public DateTimeOffset Cutoff() => time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);

    /// <summary>
    /// Purges unless a replica (this one included) already ran within Privacy:PurgeInterval. Null when it was
    /// not this caller's turn.
    /// </summary>
    public async Task<PurgeResult?> RunIfDueAsync(CancellationToken ct)
    {
        if (!await runs.TryClaimAsync(RetentionPurge.Job, options.Value.PurgeInterval, ct)) return null;
        return await PurgeAndRecordAsync(ct);
    }

    /// <summary>Purges now, whenever the last run was (an operator asked); <paramref name="dryRun"/> only counts.</summary>
    public async Task<PurgeResult> RunNowAsync(bool dryRun, CancellationToken ct)
    {
        if (dryRun) return await purge.PreviewAsync(Cutoff(), ct);
        await runs.TryClaimAsync(RetentionPurge.Job, TimeSpan.Zero, ct);
        return await PurgeAndRecordAsync(ct);
    }

    public Task<MaintenanceRun?> LastRunAsync(CancellationToken ct) => runs.LastAsync(RetentionPurge.Job, ct);

    private async Task<PurgeResult> PurgeAndRecordAsync(CancellationToken ct)
    {
        var result = await purge.PurgeAsync(Cutoff(), ct);
        await runs.FinishAsync(RetentionPurge.Job, result, ct);
        return result;
    }
}
