using Botshop.Server.Tests.Infrastructure;
using Botshop.Storage;

namespace Botshop.Server.Tests.Replicas;

/// <summary>
/// A server on its own SQLite copy, checking the store every second. SQLite announces nothing, so whatever another
/// process (the CLI, a second server on the same host) changes in the file reaches this server only by polling.
/// </summary>
public sealed class PollingServerFixture : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    /// <summary>Another process's view of the server's file, as `botshop train` would have.</summary>
    public BotshopDatabase Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Models__PollSeconds"] = "1" });
        Store = new BotshopDatabase(new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = $"Data Source={Server.DatabaseFile}" });
    }

    public async Task DisposeAsync()
    {
        if (Store is not null) await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Server is not null) await Server.DisposeAsync();
    }
}
