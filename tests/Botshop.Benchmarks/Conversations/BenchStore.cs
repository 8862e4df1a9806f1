using Botshop.Storage;

namespace Botshop.Benchmarks.Conversations;

/// <summary>
/// Which store the conversation benchmarks use: a SQLite file (--db PATH, or BOTSHOP_BENCH_DB) or a PostgreSQL
/// database (--postgres CONNECTION, or BOTSHOP_BENCH_POSTGRES). The environment variables reach BenchmarkDotNet's
/// child processes.
/// </summary>
public static class BenchStore
{
    public const string SqliteVariable = "BOTSHOP_BENCH_DB";
    public const string PostgresVariable = "BOTSHOP_BENCH_POSTGRES";

    public static StorageOptions FromArgs(string[] args)
    {
        if (Value(args, "--postgres") is { } postgres) return Postgres(postgres);
        if (Value(args, "--db") is { } path) return Sqlite(path);
        return FromEnvironment();
    }

    public static StorageOptions FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } postgres) return Postgres(postgres);
        if (Environment.GetEnvironmentVariable(SqliteVariable) is { Length: > 0 } path) return Sqlite(path);
        throw new ArgumentException($"Name the store: --db PATH or --postgres CONNECTION (or {SqliteVariable} / {PostgresVariable}).");
    }

    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static StorageOptions Sqlite(string path) =>
        new() { Provider = StorageOptions.Sqlite, ConnectionString = $"Data Source={Path.GetFullPath(path)}" };

    private static StorageOptions Postgres(string connection) => new() { Provider = StorageOptions.Postgres, ConnectionString = connection };
}
