using Botshop.Storage.Privacy;
using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests.Privacy;

public abstract class MaintenanceRunsTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private readonly FixedTime _clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Of_replicas_claiming_the_same_run_at_once_exactly_one_gets_it()
    {
        // Separate factories: separate pools and write gates, as separate processes have.
        var replicas = Enumerable.Range(0, 4).Select(_ => new MaintenanceRuns(ConnectAgain(), _clock)).ToList();

        var claims = await Task.WhenAll(replicas.Select(r => Task.Run(() => r.TryClaimAsync("retention-purge", Interval, default))));

        Assert.Single(claims, claimed => claimed);
    }

    [Fact]
    public async Task The_next_run_can_be_claimed_once_the_interval_has_passed()
    {
        var runs = new MaintenanceRuns(Db, _clock);
        Assert.True(await runs.TryClaimAsync("job", Interval, default));
        await runs.FinishAsync("job", new { deleted = 3 }, default);

        _clock.Now += Interval - TimeSpan.FromMilliseconds(1);
        Assert.False(await runs.TryClaimAsync("job", Interval, default));
        Assert.True(await runs.TryClaimAsync("other-job", Interval, default));
        _clock.Now += TimeSpan.FromMilliseconds(1);
        Assert.True(await runs.TryClaimAsync("job", Interval, default));
    }

    [Fact]
    public async Task A_replica_whose_clock_runs_behind_does_not_claim_a_run_just_made_but_a_clock_set_far_back_is_not_stuck()
    {
        var ahead = new MaintenanceRuns(Db, _clock);
        var behindClock = new FixedTime(_clock.Now - TimeSpan.FromSeconds(2));
        var behind = new MaintenanceRuns(ConnectAgain(), behindClock);

        Assert.True(await ahead.TryClaimAsync("job", Interval, default));
        Assert.False(await behind.TryClaimAsync("job", Interval, default));
        behindClock.Now = _clock.Now - Interval - TimeSpan.FromSeconds(1);
        Assert.True(await behind.TryClaimAsync("job", Interval, default));
    }

    [Fact]
    public async Task The_last_run_says_when_it_started_finished_and_what_it_did()
    {
        var runs = new MaintenanceRuns(Db, _clock);
        Assert.Null(await runs.LastAsync("job", default));
        await runs.TryClaimAsync("job", Interval, default);
        var started = _clock.Now;
        _clock.Now += TimeSpan.FromSeconds(5);
        await runs.FinishAsync("job", new { deleted = 3 }, default);

        var last = await runs.LastAsync("job", default);

        Assert.Equal((started, _clock.Now, """{"deleted":3}"""), (last!.StartedAt, last.FinishedAt, last.Detail));
    }
}
