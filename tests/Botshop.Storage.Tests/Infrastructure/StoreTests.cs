using Botshop.Storage;

namespace Botshop.Storage.Tests.Infrastructure;

/// <summary>
/// Base of every behaviour suite: a fresh, migrated database per test. Each suite is abstract and runs once per
/// engine through a small subclass (SqliteSuites.cs), the way Dapper's own tests do.
/// </summary>
public abstract class StoreTests<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private readonly List<BotshopDatabase> _opened = [];

    protected TDatabase TestDb { get; } = new();
    protected BotshopDatabase Db { get; private set; } = null!;

    /// <summary>Another factory on the same database, as a second process would have.</summary>
    protected BotshopDatabase ConnectAgain()
    {
        var db = TestDb.Connect();
        _opened.Add(db);
        return db;
    }

    protected virtual bool Migrate => true;

    public virtual async Task InitializeAsync()
    {
        Db = ConnectAgain();
        if (Migrate) await Db.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var db in _opened) await db.DisposeAsync();
        await TestDb.DisposeAsync();
    }
}
