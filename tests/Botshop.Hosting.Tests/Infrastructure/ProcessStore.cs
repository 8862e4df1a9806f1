using Microsoft.Data.Sqlite;
using Npgsql;

namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>An empty store for one test run in a child process, on one engine, described as the configuration the process reads.</summary>
public abstract class ProcessStore : IAsyncDisposable
{
    public abstract string Provider { get; }
    public abstract string ConnectionString { get; }
    public abstract ValueTask DisposeAsync();
}

/// <summary>A SQLite file in a fresh temporary folder.</summary>
public sealed class SqliteStore : ProcessStore
{
    private readonly string _folder = Directory.CreateTempSubdirectory("botshop-hosting-").FullName;

    public SqliteStore()
    {
    }

    /// <summary>A private copy of a self-contained database file (one written by VACUUM INTO).</summary>
    public SqliteStore(string template) => File.Copy(template, DatabaseFile);

    public string DatabaseFile => Path.Combine(_folder, "botshop.db");

    public override string Provider => "sqlite";
    public override string ConnectionString => $"Data Source={DatabaseFile}";

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A new database on the PostgreSQL server of BOTSHOP_TEST_POSTGRES (set by infra/test/with-postgres.sh); fails without it.</summary>
public sealed class PostgresStore : ProcessStore
{
    private readonly string _server = Environment.GetEnvironmentVariable("BOTSHOP_TEST_POSTGRES")
        ?? throw new InvalidOperationException("BOTSHOP_TEST_POSTGRES is not set: run these tests through bash infra/test/with-postgres.sh.");
    private readonly string _name = "botshop_hosting_" + Guid.NewGuid().ToString("N");

    public PostgresStore() => Run($"CREATE DATABASE {_name}");

    public override string Provider => "postgres";
    public override string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString();

    public override ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Run($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        return ValueTask.CompletedTask;
    }

    // The name is generated here, never input: safe in DDL, which takes no parameters.
    private void Run(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
