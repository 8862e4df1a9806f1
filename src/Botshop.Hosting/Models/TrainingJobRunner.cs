using Botshop.Core.Audit;
using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Ml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Models;

/// <summary>
/// Runs one claimed training job: trains on the live knowledge in the store, stores the version as a candidate,
/// applies the regression gate, then promotes (swapping the live model) or leaves it rejected with the reason. The
/// one path for the server's worker and `botshop train`.
/// </summary>
public sealed partial class TrainingJobRunner(
    IKnowledgeStore knowledge,
    IModelStore models,
    ITrainingJobStore jobs,
    ModelGate gate,
    ModelPromotion promotion,
    IAuditLog audit,
    IOptions<ModelsOptions> options,
    TimeProvider time,
    ILogger<TrainingJobRunner> logger)
{
    private readonly IntentModelTrainer _trainer = new();

    /// <summary>
    /// Runs <paramref name="job"/> (claimed by <paramref name="worker"/>) to its end and returns the job as stored.
    /// When <paramref name="stopping"/> fires, the job is given back to the queue and the cancellation rethrown.
    /// </summary>
    public async Task<TrainingJob> RunAsync(TrainingJob job, string worker, IProgress<TrainingProgress>? observer, CancellationToken stopping)
    {
        LogStarted(job.Id, job.Attempts);
        var heartbeat = new JobHeartbeat(jobs, job, worker, options.Value.HeartbeatInterval, observer, time, logger, stopping);
        try
        {
            var (status, versionId) = await TrainAndGateAsync(job, heartbeat);
            await heartbeat.ConfirmOwnedAsync();
            await jobs.FinishAsync(job.Id, worker, status, versionId, null, CancellationToken.None);
            LogFinished(job.Id, status, versionId);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await jobs.ReleaseAsync(job.Id, worker, CancellationToken.None);
            throw;
        }
        catch (OperationCanceledException) when (heartbeat.Lost)
        {
            // Another worker owns the job now; it writes the outcome.
        }
        catch (Exception e)
        {
            var error = Describe(e);
            LogFailed(e, job.Id);
            if (await jobs.FinishAsync(job.Id, worker, TrainingJobStatus.Failed, null, error, CancellationToken.None))
                await audit.RecordAsync("system", "training.fail", TrainingRequests.Subject(job.Id), new { error }, CancellationToken.None);
        }
        finally
        {
            await heartbeat.DisposeAsync();
        }
        return await jobs.GetAsync(job.Id, CancellationToken.None) ?? job;
    }

    private async Task<(TrainingJobStatus, long)> TrainAndGateAsync(TrainingJob job, JobHeartbeat heartbeat)
    {
        var ct = heartbeat.Token;
        heartbeat.Report(new TrainingProgress("Loading the live knowledge", 0, 1));
        var kb = await knowledge.LoadAsync(ct);
        var examples = kb.TrainingExamples().ToList();
        // CPU-bound and synchronous: off the caller's thread; a progress report throws to stop it.
        var result = await Task.Run(() => _trainer.Train(examples, options.Value.TrainingOptions, heartbeat), ct);

        heartbeat.ReportStage("Storing the candidate version");
        var candidate = new ModelVersion(0, time.GetUtcNow(), result.Trainer, result.Policy.Threshold,
            result.Policy.AmbiguityMargin, result.DataHash, result.Report, IsActive: false,
            Status: ModelStatus.Candidate, CreatedBy: job.RequestedBy);
        var id = await models.SaveAsync(candidate, result.ModelBytes, activate: false, ct);
        await audit.RecordAsync(job.RequestedBy, "model.train", ModelPromotion.Subject(id), new
        {
            job = job.Id, result.Trainer, result.DataHash, examples = examples.Count,
            result.Report.InScopeAccuracy, result.Report.MacroF1,
        }, ct);

        heartbeat.ReportStage("Scoring the candidate and the active version on the regression set");
        var report = await gate.JudgeAsync(id, result.Report, IntentModel.Load(result.ModelBytes), result.Policy, kb, ct);
        // Only the owner may decide: a worker that lost the job while gating must not promote.
        await heartbeat.ConfirmOwnedAsync();
        var detail = new { job = job.Id, requestedBy = job.RequestedBy, from = report.Active?.VersionId, report.Verdict, report.Reason };
        if (report.Verdict == GateVerdict.Rejected)
        {
            await models.SetGateAsync(id, ModelStatus.Rejected, report, ct);
            await audit.RecordAsync("system", "model.reject", ModelPromotion.Subject(id), detail, ct);
            return (TrainingJobStatus.Rejected, id);
        }
        heartbeat.ReportStage("Promoting");
        await models.SetGateAsync(id, ModelStatus.Candidate, report, ct);
        await promotion.ActivateAsync(id, "system", "model.promote", detail, ct);
        return (TrainingJobStatus.Promoted, id);
    }

    /// <summary>What a recruiter can act on: the trainer's own message for data it refuses (too few examples), else the kind of failure.</summary>
    private static string Describe(Exception e) => e switch
    {
        ArgumentException a => a.Message.Split(" (Parameter", 2)[0],
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {Job} started (attempt {Attempt})")]
    private partial void LogStarted(long job, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {Job} finished: {Status}, model version {Version}")]
    private partial void LogFinished(long job, TrainingJobStatus status, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training job {Job} failed")]
    private partial void LogFailed(Exception e, long job);
}
