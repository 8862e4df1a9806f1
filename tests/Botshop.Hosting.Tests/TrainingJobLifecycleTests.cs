using Botshop.Core.Audit;
using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Hosting.Models;
using Botshop.Hosting.Tests.Infrastructure;
using Botshop.Ml;
using Botshop.Storage;
using Dapper;

namespace Botshop.Hosting.Tests;

/// <summary>What happens to a job when its worker stops, dies or is given data it cannot train on, and what the schedule queues.</summary>
public sealed class TrainingJobLifecycleTests : ProcessTests
{
    protected override Task PrepareAsync() => Process.Get<IKnowledgeStore>().ImportAsync(RealData.Small(), default);

    [Fact]
    public async Task A_worker_stopping_mid_training_gives_the_job_back_to_the_queue()
    {
        var (job, _) = await Process.Get<TrainingRequests>().RequestAsync("ana", default);
        var worker = Process.Get<TrainingJobProcessor>().Worker;
        var claimed = await Process.Get<ITrainingJobStore>().ClaimAsync(worker, job.Id, new JobLease(TimeSpan.FromMinutes(2), 3), default);
        using var stopping = new CancellationTokenSource();
        // The host asks the worker to stop as soon as cross-validation has begun.
        var stopOnFirstFold = new Progress(p => { if (p.Stage.StartsWith("Cross-validating", StringComparison.Ordinal)) stopping.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Process.Get<TrainingJobRunner>().RunAsync(claimed!, worker, stopOnFirstFold, stopping.Token));

        var back = await Process.Get<ITrainingJobStore>().GetAsync(job.Id, default);
        Assert.Equal((TrainingJobStatus.Queued, (string?)null, 0), (back!.Status, back.Worker, back.Attempts));
        Assert.Empty(await Process.Get<IModelStore>().ListAsync(default));
        Assert.Equal(TrainingJobStatus.Promoted, (await Process.Get<TrainingJobProcessor>().RunNextAsync(default))?.Status);
    }

    [Fact]
    public async Task A_job_whose_worker_died_is_taken_over_and_the_dead_worker_cannot_record_an_outcome()
    {
        var (job, _) = await Process.Get<TrainingRequests>().RequestAsync("ana", default);
        var jobs = Process.Get<ITrainingJobStore>();
        await jobs.ClaimAsync("dead-worker", job.Id, new JobLease(TimeSpan.FromMinutes(2), 3), default);
        // Its last heartbeat was ten minutes ago: far beyond the two-minute lease.
        await using (var connection = await Process.Get<BotshopDatabase>().OpenAsync())
            await connection.ExecuteAsync("UPDATE training_jobs SET heartbeat_at = heartbeat_at - 600000 WHERE id = @id", new { id = job.Id });

        var ran = await Process.Get<TrainingJobProcessor>().RunNextAsync(default);

        Assert.Equal((job.Id, TrainingJobStatus.Promoted, 2), (ran!.Id, ran.Status, ran.Attempts));
        Assert.False(await jobs.FinishAsync(job.Id, "dead-worker", TrainingJobStatus.Failed, null, "late", default));
        Assert.Equal(TrainingJobStatus.Promoted, (await jobs.GetAsync(job.Id, default))!.Status);
    }

    [Fact]
    public async Task Data_the_trainer_refuses_fails_the_job_with_its_reason_and_the_active_version_serves_on()
    {
        var active = (await Process.RetrainAsync()).ModelVersionId;
        var knowledge = Process.Get<IKnowledgeStore>();
        var kb = await knowledge.LoadAsync(default);
        await knowledge.ImportAsync(new KnowledgeBase(kb.Postings, [.. kb.Intents,
            new Intent("stipend", "pay", ["is there a stipend?", "are interns paid?"], new Dictionary<string, PostingAnswer>())]), default);

        var failed = await Process.RetrainAsync();

        Assert.Equal((TrainingJobStatus.Failed, (long?)null), (failed.Status, failed.ModelVersionId));
        Assert.Contains("stipend", failed.Error);
        Assert.Contains("at least 5 examples", failed.Error);
        Assert.Equal(active, (await Process.Get<IModelStore>().GetActiveAsync(default))?.Version.Id);
        var audit = await Process.Get<IAuditLog>().RecentAsync(1, TrainingRequests.Subject(failed.Id), default);
        Assert.Equal(("system", "training.fail"), (audit[0].Actor, audit[0].Action));
    }

    [Fact]
    public async Task The_schedule_queues_a_retrain_only_when_new_labels_changed_the_training_data()
    {
        var schedule = Process.Get<RetrainSchedule>();
        Assert.Null(await schedule.CheckAsync(default)); // no model yet: the start-up trains the first one
        await Process.RetrainAsync();
        Assert.Null(await schedule.CheckAsync(default)); // trained on exactly this data

        await using (var connection = await Process.Get<BotshopDatabase>().OpenAsync())
            await connection.ExecuteAsync("""
                INSERT INTO examples (intent_name, position, text, source_message_id, added_by, added_at)
                VALUES ('duration', 1000, 'how many weeks would i be there for', 42, 'ana', 1)
                """);
        var queued = await schedule.CheckAsync(default);
        var again = await schedule.CheckAsync(default);

        Assert.Equal((RetrainSchedule.Actor, TrainingJobStatus.Queued), (queued!.RequestedBy, queued.Status));
        Assert.Null(again); // one job waits already
        var ran = await Process.Get<TrainingJobProcessor>().RunNextAsync(default);
        Assert.Equal(queued.Id, ran!.Id);
        var version = await Process.VersionAsync(ran.ModelVersionId!.Value);
        Assert.Equal(1, version.Gate!.RegressionSet.Labelled);
        Assert.Null(await schedule.CheckAsync(default));
    }

    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
