using Botshop.Storage;
using Botshop.Testing;

namespace Botshop.Storage.Tests.Infrastructure;

/// <summary>A fresh database on the PostgreSQL server named by BOTSHOP_TEST_POSTGRES, dropped after the test.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly PostgresScratchDatabase _database = new();

    public PostgresTestDatabase() =>
        Options = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = _database.ConnectionString };

    public override StorageOptions Options { get; }

    public override ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }
}
