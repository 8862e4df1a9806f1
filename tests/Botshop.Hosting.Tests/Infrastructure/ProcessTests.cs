namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>Base of test classes whose every test gets its own SQLite store and one process over it.</summary>
public abstract class ProcessTests : IAsyncLifetime
{
    protected SqliteStore Store { get; private set; } = null!;
    protected BotProcess Process { get; private set; } = null!;

    /// <summary>An empty store unless a class starts from a prepared one.</summary>
    protected virtual Task<SqliteStore> CreateStoreAsync() => Task.FromResult(new SqliteStore());

    /// <summary>What every test of the class starts from, once the process is up.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        Process = await BotProcess.StartAsync(Store);
        await PrepareAsync();
    }

    public async Task DisposeAsync()
    {
        await Process.DisposeAsync();
        await Store.DisposeAsync();
    }
}
