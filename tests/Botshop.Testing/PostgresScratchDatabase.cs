using Npgsql;

namespace Botshop.Testing;

/// <summary>
/// A fresh database on the PostgreSQL server named by BOTSHOP_TEST_POSTGRES (the README's test command starts one),
/// dropped on dispose. Without the variable it throws: tests needing PostgreSQL fail, never skip.
/// </summary>
public sealed class PostgresScratchDatabase : IDisposable
{
    public const string ServerVariable = "BOTSHOP_TEST_POSTGRES";

    private readonly string _server;

    public PostgresScratchDatabase()
    {
        _server = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException(
                $"{ServerVariable} is not set: run the README's test command (bash infra/test/run-all.sh), which starts a throwaway PostgreSQL.");
        // The name is generated here, never input: safe to place in DDL, which cannot take parameters.
        Admin($"CREATE DATABASE {Name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ToString();
    }

    public string Name { get; } = "botshop_test_" + Guid.NewGuid().ToString("N");

    /// <summary>An Npgsql connection string for this database.</summary>
    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
