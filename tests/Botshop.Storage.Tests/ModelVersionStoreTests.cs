using Botshop.Core.Models;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

public abstract class ModelVersionStoreTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private ModelVersionStore Store => new(Db);

    [Fact]
    public async Task Saved_active_version_comes_back_with_its_bytes_and_report()
    {
        var version = Version("SdcaMaximumEntropy", new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31)).ToArray();

        var id = await Store.SaveAsync(version, bytes, activate: true, default);
        var active = await Store.GetActiveAsync(default);

        Assert.NotNull(active);
        Assert.Equal(bytes, active.Value.ModelBytes);
        var stored = active.Value.Version;
        Assert.Equal(id, stored.Id);
        Assert.True(stored.IsActive);
        Assert.Equal(version.CreatedAt, stored.CreatedAt);
        Assert.Equal((version.Trainer, version.Threshold, version.AmbiguityMargin, version.DataHash),
            (stored.Trainer, stored.Threshold, stored.AmbiguityMargin, stored.DataHash));
        AssertSameReport(version.Report, stored.Report);
    }

    [Fact]
    public async Task No_active_version_until_one_is_activated()
    {
        var id = await Store.SaveAsync(Version("A"), [1, 2, 3], activate: false, default);
        Assert.Null(await Store.GetActiveAsync(default));

        await Store.ActivateAsync(id, default);

        Assert.Equal(id, (await Store.GetActiveAsync(default))?.Version.Id);
    }

    [Fact]
    public async Task Saving_an_active_version_deactivates_the_previous_one()
    {
        var first = await Store.SaveAsync(Version("A"), [1], activate: true, default);
        var second = await Store.SaveAsync(Version("B"), [2], activate: true, default);

        var list = await Store.ListAsync(default);

        Assert.Equal([second, first], list.Select(v => v.Id)); // newest first
        Assert.Equal([second], list.Where(v => v.IsActive).Select(v => v.Id));
        Assert.Equal(new byte[] { 2 }, (await Store.GetActiveAsync(default))?.ModelBytes);
    }

    [Fact]
    public async Task Activating_an_older_version_switches_the_active_one()
    {
        var first = await Store.SaveAsync(Version("A"), [1], activate: true, default);
        await Store.SaveAsync(Version("B"), [2], activate: true, default);

        await Store.ActivateAsync(first, default);

        var list = await Store.ListAsync(default);
        Assert.Equal([first], list.Where(v => v.IsActive).Select(v => v.Id));
        Assert.Equal(new byte[] { 1 }, (await Store.GetActiveAsync(default))?.ModelBytes);
    }

    [Fact]
    public async Task Activating_an_unknown_version_throws_and_keeps_the_active_one()
    {
        var id = await Store.SaveAsync(Version("A"), [1], activate: true, default);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.ActivateAsync(id + 100, default));

        Assert.Equal(id, (await Store.GetActiveAsync(default))?.Version.Id);
    }

    [Fact]
    public async Task The_schema_refuses_a_second_active_version_even_outside_the_store()
    {
        await Store.SaveAsync(Version("A"), [1], activate: true, default);
        await Store.SaveAsync(Version("B"), [2], activate: false, default);

        await using var connection = await Db.OpenAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("UPDATE model_versions SET is_active = TRUE"));
    }

    [Fact]
    public async Task Concurrent_activations_leave_exactly_one_active()
    {
        var ids = new List<long>();
        for (var i = 0; i < 6; i++) ids.Add(await Store.SaveAsync(Version("T" + i), [(byte)i], activate: false, default));
        var other = new ModelVersionStore(ConnectAgain());

        await Task.WhenAll(ids.Select((id, i) => Task.Run(() => (i % 2 == 0 ? Store : other).ActivateAsync(id, default))));

        Assert.Single(await Store.ListAsync(default), v => v.IsActive);
    }

    [Fact]
    public async Task A_candidate_keeps_its_status_and_requester_and_an_activated_version_is_promoted()
    {
        var candidate = await Store.SaveAsync(Version("A") with { Status = ModelStatus.Candidate, CreatedBy = "ana" }, [1], activate: false, default);
        var active = await Store.SaveAsync(Version("B") with { Status = ModelStatus.Candidate, CreatedBy = "cli" }, [2], activate: true, default);

        var stored = (await Store.GetAsync(candidate, default))!.Value.Version;
        var activated = (await Store.GetAsync(active, default))!.Value.Version;

        Assert.Equal((ModelStatus.Candidate, "ana", (DateTimeOffset?)null), (stored.Status, stored.CreatedBy, stored.ActivatedAt));
        Assert.Equal((ModelStatus.Promoted, "cli", true), (activated.Status, activated.CreatedBy, activated.IsActive));
        Assert.NotNull(activated.ActivatedAt);
        Assert.Null(await Store.GetAsync(active + 100, default));
    }

    [Fact]
    public async Task The_gate_verdict_is_stored_with_both_versions_scores()
    {
        var id = await Store.SaveAsync(Version("A") with { Status = ModelStatus.Candidate }, [1], activate: false, default);
        var gate = new GateReport(GateVerdict.Rejected, "regression accuracy fell 0.050", 0.01,
            new GateScores(id, new RegressionScore(80, 100, 4, 5, 76, 95), 0.9, 0.88, 0.85),
            new GateScores(1, new RegressionScore(85, 100, 5, 5, 80, 95), 0.91, 0.89, 0.86),
            new RegressionSetInfo(5, 95, 2, "abc123"), ["duration", "out_of_scope"],
            [new MetricComparison(RegressionGate.RegressionAccuracy, 0.8, 0.85, -0.05, true)]);

        await Store.SetGateAsync(id, ModelStatus.Rejected, gate, default);

        var stored = (await Store.ListAsync(default)).Single();
        Assert.Equal(ModelStatus.Rejected, stored.Status);
        var read = stored.Gate!;
        Assert.Equal((gate.Verdict, gate.Reason, gate.Tolerance, gate.RegressionSet), (read.Verdict, read.Reason, read.Tolerance, read.RegressionSet));
        Assert.Equal((gate.Candidate, gate.Active), (read.Candidate, read.Active));
        Assert.Equal(gate.ComparedIntents, read.ComparedIntents);
        Assert.Equal(gate.Comparisons, read.Comparisons);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.SetGateAsync(id + 100, ModelStatus.Rejected, gate, default));
    }

    [Fact]
    public async Task The_previous_active_version_is_the_one_activated_before_the_current_one()
    {
        var clock = new FixedTime(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var store = new ModelVersionStore(Db, clock);
        var first = await store.SaveAsync(Version("A"), [1], activate: true, default);
        clock.Now += TimeSpan.FromMinutes(1);
        var second = await store.SaveAsync(Version("B"), [2], activate: true, default);
        await store.SaveAsync(Version("C") with { Status = ModelStatus.Rejected }, [3], activate: false, default);

        Assert.Equal(first, (await store.PreviousActiveAsync(default))?.Id);

        clock.Now += TimeSpan.FromMinutes(1);
        await store.ActivateAsync(first, default);
        Assert.Equal(second, (await store.PreviousActiveAsync(default))?.Id);
    }

    [Fact]
    public async Task No_previous_version_before_a_second_one_was_ever_active()
    {
        await Store.SaveAsync(Version("A"), [1], activate: true, default);
        await Store.SaveAsync(Version("B") with { Status = ModelStatus.Candidate }, [2], activate: false, default);

        Assert.Null(await Store.PreviousActiveAsync(default));
    }

    private static ModelVersion Version(string trainer, DateTimeOffset? at = null) => SampleModels.Version(trainer, at);

    private static void AssertSameReport(EvaluationReport expected, EvaluationReport actual)
    {
        // Records holding lists compare lists by reference, so compare their parts.
        Assert.Equal(expected with { PerIntent = [], MostConfused = [], TrainerComparison = [] },
            actual with { PerIntent = [], MostConfused = [], TrainerComparison = [] });
        Assert.Equal(expected.PerIntent, actual.PerIntent);
        Assert.Equal(expected.MostConfused, actual.MostConfused);
        Assert.Equal(expected.TrainerComparison, actual.TrainerComparison);
    }
}
