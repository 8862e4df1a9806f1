using Microsoft.Data.Sqlite;
using Npgsql;

namespace Botshop.Hosting.Tests.Infrastructure;

public enum Engine { Sqlite, Postgres }

/// <summary>
/// An empty store for one test: a SQLite file in a fresh temporary folder, or a fresh database on the PostgreSQL
/// server BOTSHOP_TEST_POSTGRES names (without it, PostgreSQL tests fail rather than skip).
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private const string ServerVariable = "BOTSHOP_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _postgresServer;
    private readonly string? _postgresName;

    private TestStore(Engine engine, string connectionString, string? folder, string? server, string? name)
    {
        Engine = engine;
        ConnectionString = connectionString;
        _folder = folder;
        _postgresServer = server;
        _postgresName = name;
    }

    public Engine Engine { get; }
    public string ConnectionString { get; }

    public string Provider => Engine == Engine.Postgres ? "postgres" : "sqlite";

    public static TestStore Create(Engine engine)
    {
        if (engine == Engine.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("botshop-hosting-").FullName;
            return new TestStore(engine, "Data Source=" + Path.Combine(folder, "botshop.db"), folder, null, null);
        }
        var server = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException($"{ServerVariable} is not set: run these tests through bash infra/test/with-postgres.sh.");
        // Generated here, never input: safe in DDL, which takes no parameters.
        var name = "botshop_hosting_" + Guid.NewGuid().ToString("N");
        Admin(server, $"CREATE DATABASE {name}");
        return new TestStore(engine, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), null, server, name);
    }

    public ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Admin(_postgresServer, $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
        return ValueTask.CompletedTask;
    }

    private static void Admin(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
