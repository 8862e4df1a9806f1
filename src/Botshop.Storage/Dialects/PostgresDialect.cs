using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace Botshop.Storage.Dialects;

internal sealed class PostgresDialect : SqlDialect
{
    // The advisory lock namespace: any constant works as long as every process uses the same one.
    private const int LockNamespace = 0x626f7473; // "bots"

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

    public override Task LockAsync(StoreTransaction tx, StoreLock lockName, CancellationToken ct) =>
        tx.Connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@Namespace, @Key)", new { Namespace = LockNamespace, Key = (int)lockName },
            tx.Transaction, cancellationToken: ct));

    public override DbConnection CreateConnection() => _dataSource.CreateConnection();

    public override Task PrepareAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

    public override ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct) =>
        connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public override string ForUpdate => " FOR UPDATE";

    public override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";
}
