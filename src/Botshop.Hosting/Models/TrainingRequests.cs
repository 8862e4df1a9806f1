using Botshop.Core.Audit;
using Botshop.Core.Models;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Models;

/// <summary>Asks for a retrain: what the "Retrain now" button, `botshop train` and the schedule all call.</summary>
public sealed class TrainingRequests(ITrainingJobStore jobs, IAuditLog audit, TrainingSignal signal, IOptions<ModelsOptions> options)
{
    /// <summary>Queues a job, or returns the one already queued or running (Created false): retrains never pile up.</summary>
    public async Task<(TrainingJob Job, bool Created)> RequestAsync(string actor, CancellationToken ct)
    {
        var (job, created) = await jobs.EnqueueAsync(actor, options.Value.Lease, ct);
        if (created)
        {
            await audit.RecordAsync(actor, "training.request", Subject(job.Id), null, ct);
            signal.Notify();
        }
        return (job, created);
    }

    public static string Subject(long jobId) => $"training-job/{jobId}";
}
