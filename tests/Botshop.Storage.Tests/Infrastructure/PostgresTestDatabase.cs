using Botshop.Storage;
using Npgsql;

namespace Botshop.Storage.Tests.Infrastructure;

/// <summary>A fresh database on the PostgreSQL server named by BOTSHOP_TEST_POSTGRES, dropped after the test.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "BOTSHOP_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name = "botshop_test_" + Guid.NewGuid().ToString("N");

    public PostgresTestDatabase()
    {
        _server = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException(
                $"{ServerVariable} is not set: run the README's test command (bash infra/test/run-all.sh), which starts a throwaway PostgreSQL.");
        // The name is generated above, never input: safe to place in DDL, which cannot take parameters.
        Admin($"CREATE DATABASE {_name}");
        Options = new StorageOptions
        {
            Provider = StorageOptions.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString(),
        };
    }

    public override StorageOptions Options { get; }

    public override ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        return ValueTask.CompletedTask;
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
