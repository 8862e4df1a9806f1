using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

public abstract class MigrationTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    protected override bool Migrate => false;

    [Fact]
    public async Task Migrating_twice_applies_each_version_once()
    {
        await Db.MigrateAsync();
        await Db.MigrateAsync();

        Assert.Equal(ShippedVersions(), await AppliedVersionsAsync());
        await AssertSchemaUsableAsync();
    }

    [Fact]
    public async Task Concurrent_migrators_on_a_fresh_database_all_succeed_and_apply_each_version_once()
    {
        // Separate factories: separate pools and write gates, as separate processes would have.
        var migrators = Enumerable.Range(0, 4).Select(_ => ConnectAgain()).ToList();

        await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync())));

        Assert.Equal(ShippedVersions(), await AppliedVersionsAsync());
        await AssertSchemaUsableAsync();
    }

    private List<long> ShippedVersions() =>
        Storage.Migrations.Migration.Embedded(Db.Provider).Select(m => m.Version).ToList();

    private async Task<List<long>> AppliedVersionsAsync()
    {
        await using var connection = await Db.OpenAsync();
        return (await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
    }

    private async Task AssertSchemaUsableAsync()
    {
        var log = new ConversationLog(Db, TimeProvider.System);
        var id = await log.RecordQuestionAsync(new("cli", "c1", "u_1", "hello?"), DateTimeOffset.UtcNow, default);
        Assert.NotNull(id);
    }
}
