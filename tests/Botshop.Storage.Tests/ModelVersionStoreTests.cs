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
