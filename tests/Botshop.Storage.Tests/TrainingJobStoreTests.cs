using Botshop.Core.Models;
using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests;

public abstract class TrainingJobStoreTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly JobLease Lease = new(TimeSpan.FromMinutes(2), MaxAttempts: 3);

    private readonly FixedTime _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private TrainingJobStore Store => new(Db, _clock);

    /// <summary>The same queue through another connection factory, as another replica sees it.</summary>
    private TrainingJobStore OtherReplica() => new(ConnectAgain(), _clock);

    [Fact]
    public async Task A_request_while_a_job_waits_returns_that_job_instead_of_queuing_another()
    {
        var (first, created) = await Store.EnqueueAsync("ana", Lease, default);
        var (second, createdAgain) = await Store.EnqueueAsync("ben", Lease, default);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(("ana", TrainingJobStatus.Queued, 0), (second.RequestedBy, second.Status, second.Attempts));
        Assert.Single(await Store.RecentAsync(10, default));
    }

    [Fact]
    public async Task Concurrent_requests_from_several_replicas_queue_one_job()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => OtherReplica()).ToList();

        var results = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.EnqueueAsync($"r{i}", Lease, default))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Job.Id).Distinct());
        Assert.Single(await Store.RecentAsync(10, default));
    }

    [Fact]
    public async Task Of_several_workers_claiming_one_job_exactly_one_wins()
    {
        var workers = Enumerable.Range(0, 4).Select(i => (Name: $"w{i}", Store: OtherReplica())).ToList();
        for (var round = 0; round < 15; round++)
        {
            var (job, _) = await Store.EnqueueAsync("ana", Lease, default);
            using var start = new Barrier(workers.Count);
            var claims = await Task.WhenAll(workers.Select(w => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await w.Store.ClaimAsync(w.Name, null, Lease, default);
            })));

            var winners = claims.Where(c => c is not null).ToList();
            Assert.True(winners.Count == 1, $"round {round}: {winners.Count} workers claimed job {job.Id}");
            var winner = winners[0]!;
            Assert.Equal((job.Id, TrainingJobStatus.Running, 1), (winner.Id, winner.Status, winner.Attempts));
            Assert.Equal(winner.Worker, (await Store.GetAsync(job.Id, default))!.Worker);
            Assert.True(await Store.FinishAsync(job.Id, winner.Worker!, TrainingJobStatus.Rejected, null, null, default));
        }
    }

    [Fact]
    public async Task A_job_with_a_fresh_heartbeat_is_not_taken_over()
    {
        var (job, _) = await Store.EnqueueAsync("ana", Lease, default);
        await Store.ClaimAsync("w1", null, Lease, default);
        _clock.Now += TimeSpan.FromMinutes(1.5);
        Assert.True(await Store.ReportAsync(job.Id, "w1", "fold 2/5", 2, 11, default));
        _clock.Now += TimeSpan.FromMinutes(1.5);

        Assert.Null(await OtherReplica().ClaimAsync("w2", null, Lease, default));
        var stored = await Store.GetAsync(job.Id, default);
        Assert.Equal(("w1", "fold 2/5", 2, 11), (stored!.Worker, stored.Progress, stored.ProgressStep, stored.ProgressTotal));
    }

    [Fact]
    public async Task A_job_whose_worker_went_silent_is_taken_over_and_the_old_worker_can_no_longer_write()
    {
        var (job, _) = await Store.EnqueueAsync("ana", Lease, default);
        await Store.ClaimAsync("w1", null, Lease, default);
        _clock.Now += Lease.Timeout + TimeSpan.FromSeconds(1);

        var takenOver = await OtherReplica().ClaimAsync("w2", null, Lease, default);

        Assert.Equal((job.Id, "w2", 2), (takenOver!.Id, takenOver.Worker, takenOver.Attempts));
        Assert.False(await Store.ReportAsync(job.Id, "w1", "fold 5/5", 5, 11, default));
        Assert.False(await Store.FinishAsync(job.Id, "w1", TrainingJobStatus.Promoted, 99, null, default));
        var stored = await Store.GetAsync(job.Id, default);
        Assert.Equal((TrainingJobStatus.Running, "w2", (long?)null), (stored!.Status, stored.Worker, stored.ModelVersionId));
    }

    [Fact]
    public async Task A_job_that_outlived_its_attempts_is_failed_and_no_longer_blocks_requests()
    {
        var lease = Lease with { MaxAttempts = 1 };
        var (job, _) = await Store.EnqueueAsync("ana", lease, default);
        await Store.ClaimAsync("w1", null, lease, default);
        _clock.Now += lease.Timeout + TimeSpan.FromSeconds(1);

        Assert.Null(await Store.ClaimAsync("w2", null, lease, default));
        var (next, created) = await Store.EnqueueAsync("ben", lease, default);

        var abandoned = await Store.GetAsync(job.Id, default);
        Assert.Equal(TrainingJobStatus.Failed, abandoned!.Status);
        Assert.Contains("stopped responding", abandoned.Error);
        Assert.True(created);
        Assert.NotEqual(job.Id, next.Id);
    }

    [Fact]
    public async Task A_released_job_is_claimable_at_once_without_spending_an_attempt()
    {
        var (job, _) = await Store.EnqueueAsync("ana", Lease, default);
        await Store.ClaimAsync("w1", null, Lease, default);

        Assert.True(await Store.ReleaseAsync(job.Id, "w1", default));
        var reclaimed = await OtherReplica().ClaimAsync("w2", null, Lease, default);

        Assert.Equal((job.Id, "w2", 1), (reclaimed!.Id, reclaimed.Worker, reclaimed.Attempts));
    }

    [Fact]
    public async Task Claiming_a_given_job_takes_that_one_only()
    {
        var (job, _) = await Store.EnqueueAsync("ana", Lease, default);
        await Store.ClaimAsync("w1", job.Id, Lease, default);
        await Store.FinishAsync(job.Id, "w1", TrainingJobStatus.Failed, null, "boom", default);
        var (second, _) = await Store.EnqueueAsync("ben", Lease, default);

        Assert.Null(await Store.ClaimAsync("w2", job.Id, Lease, default));
        Assert.Equal(second.Id, (await Store.ClaimAsync("w2", second.Id, Lease, default))?.Id);
    }

    [Fact]
    public async Task A_finished_job_keeps_its_outcome_and_times()
    {
        var (job, _) = await Store.EnqueueAsync("ana", Lease, default);
        await Store.ClaimAsync("w1", null, Lease, default);
        _clock.Now += TimeSpan.FromSeconds(70);

        Assert.True(await Store.FinishAsync(job.Id, "w1", TrainingJobStatus.Promoted, 42, null, default));

        var done = await Store.GetAsync(job.Id, default);
        Assert.True(done!.IsFinished);
        Assert.Equal((TrainingJobStatus.Promoted, (long?)42), (done.Status, done.ModelVersionId));
        Assert.Equal(TimeSpan.FromSeconds(70), done.FinishedAt - done.StartedAt);
        Assert.Null(await Store.ClaimAsync("w2", null, Lease, default));
    }
}
