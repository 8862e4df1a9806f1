using Botshop.Storage;
using Npgsql;

namespace Botshop.Benchmarks.Stores;

/// <summary>One run's store, fresh and removed afterwards: a copy of a SQLite file, or a PostgreSQL database.</summary>
public abstract class RunStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Provider { get; }

    public abstract StorageOptions Options { get; }

    /// <summary>What the server's environment needs to use this store.</summary>
    public IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>
    {
        ["Database__Provider"] = Options.Provider,
        ["ConnectionStrings__Botshop"] = Options.ConnectionString!,
    };

    /// <summary>CPU the store's own processes used so far (zero for SQLite, which runs inside its user).</summary>
    public abstract TimeSpan CpuTime();

    /// <summary>Bytes on disk the store takes now, tables and indexes included.</summary>
    public abstract long SizeBytes();

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteRunStore : RunStore
{
    private readonly string _file;

    /// <summary>A copy of <paramref name="template"/>, or an empty file when there is none.</summary>
    public SqliteRunStore(string folder, string? template)
    {
        Directory.CreateDirectory(folder);
        _file = Path.Combine(folder, $"run-{Guid.NewGuid():N}.db");
        if (template is not null) File.Copy(template, _file);
        Options = new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = $"Data Source={_file}" };
    }

    public override string Provider => StorageOptions.Sqlite;
    public override StorageOptions Options { get; }
    public override TimeSpan CpuTime() => TimeSpan.Zero;

    // The write-ahead log is folded into the file first, so its length is the data's.
    public override long SizeBytes()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(Options.ConnectionString))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        return new FileInfo(_file).Length;
    }

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresRunStore : RunStore
{
    private readonly PostgresServer _server;
    private readonly string _database = "botshop_bench_" + Guid.NewGuid().ToString("N");

    /// <summary>A new database, copied from <paramref name="template"/> (a database on the same server) when given.</summary>
    public PostgresRunStore(PostgresServer server, string? template, string? sessionOptions = null)
    {
        _server = server;
        server.CreateDatabase(_database, template);
        Options = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = server.ConnectionStringFor(_database, sessionOptions) };
    }

    public override string Provider => StorageOptions.Postgres;
    public override StorageOptions Options { get; }
    public override TimeSpan CpuTime() => _server.CpuTime();

    public override long SizeBytes() => _server.DatabaseSize(_database);

    public override ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        _server.DropDatabase(_database);
        return ValueTask.CompletedTask;
    }
}
