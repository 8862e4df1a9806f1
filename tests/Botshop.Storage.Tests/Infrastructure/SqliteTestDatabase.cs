using Botshop.Storage;
using Microsoft.Data.Sqlite;

namespace Botshop.Storage.Tests.Infrastructure;

/// <summary>A real SQLite file in a fresh temporary folder.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("botshop-storage-").FullName;

    public SqliteTestDatabase() =>
        Options = new StorageOptions
        {
            Provider = StorageOptions.Sqlite,
            // A subfolder that does not exist yet: the store must create it.
            ConnectionString = "Data Source=" + Path.Combine(_folder, "data", "botshop.db"),
        };

    public override StorageOptions Options { get; }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; close them before removing the folder.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
