using Botshop.Core.Models;
using Botshop.Ml;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Models;

/// <summary>This process's training worker: claims jobs and runs them under one worker name, unique per process.</summary>
public sealed class TrainingJobProcessor(ITrainingJobStore jobs, TrainingJobRunner runner, IOptions<ModelsOptions> options, TimeProvider time)
{
    private static readonly TimeSpan FollowEvery = TimeSpan.FromSeconds(1);

    /// <summary>Host, process id and a random suffix: two workers in one process (as in tests) still differ.</summary>
    public string Worker { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("n")[..8]}";

    /// <summary>Claims the oldest claimable job and runs it; null when there was none or another worker won it.</summary>
    public async Task<TrainingJob?> RunNextAsync(CancellationToken ct)
    {
        var job = await jobs.ClaimAsync(Worker, null, options.Value.Lease, ct);
        return job is null ? null : await runner.RunAsync(job, Worker, null, ct);
    }

    /// <summary>
    /// Runs job <paramref name="jobId"/> here if it can be claimed; while another worker runs it, reports its progress
    /// from the store until it ends (and takes it over if that worker dies).
    /// </summary>
    public async Task<TrainingJob> RunOrFollowAsync(long jobId, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        while (true)
        {
            var claimed = await jobs.ClaimAsync(Worker, jobId, options.Value.Lease, ct);
            if (claimed is not null) return await runner.RunAsync(claimed, Worker, progress, ct);
            var job = await jobs.GetAsync(jobId, ct) ?? throw new ModelActionException($"Training job {jobId} does not exist.");
            if (job.IsFinished) return job;
            if (job.Progress is not null)
                progress?.Report(new TrainingProgress(job.Progress, job.ProgressStep ?? 0, job.ProgressTotal ?? 1));
            await Task.Delay(FollowEvery, time, ct);
        }
    }
}
