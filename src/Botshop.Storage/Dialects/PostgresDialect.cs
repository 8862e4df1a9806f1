using System.Data;
using System.Data.Common;
using Npgsql;

namespace Botshop.Storage.Dialects;

internal sealed class PostgresDialect : SqlDialect
{
    // Any constant works as long as it is the same in every process migrating the same database.
    private const long MigrationLockKey = 0x626f7473686f70; // "botshop"

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException(
                $"The postgres provider needs a connection string ({StorageOptions.ConnectionStringKey}).",
                nameof(connectionString));
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Provider => StorageOptions.Postgres;
    public override bool SerializesWrites => false; // row-level locking: concurrent writers are PostgreSQL's job.
    public override string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    public override DbConnection CreateConnection() => _dataSource.CreateConnection();

    public override Task PrepareAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

    public override ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct) =>
        connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
