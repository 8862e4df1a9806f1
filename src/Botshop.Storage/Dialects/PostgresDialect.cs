using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace Botshop.Storage.Dialects;

internal sealed class PostgresDialect : SqlDialect
{
    // The advisory lock namespace: any constant works as long as every process uses the same one.
    private const int LockNamespace = 0x626f7473; // "bots"

    // Notifications keep one connection open for as long as the process listens: outside the pool, with
    // keepalives, so a connection dropped while the channel is quiet fails the wait and is reopened.
    private const int ListenKeepAliveSeconds = 15;

    // The store runs a few statements over and over: preparing them once per connection cut PostgreSQL's CPU per
    // logged message by a quarter (docs/benchmarks.md, "PostgreSQL"). A connection string that sets it wins.
    private const int DefaultMaxAutoPrepare = 20;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _listenConnectionString;

    public PostgresDialect(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException(
                $"The postgres provider needs a connection string ({StorageOptions.ConnectionStringKey}).",
                nameof(connectionString));
        var pooled = new NpgsqlConnectionStringBuilder(connectionString);
        if (!pooled.ContainsKey("Max Auto Prepare")) pooled.MaxAutoPrepare = DefaultMaxAutoPrepare;
        _dataSource = NpgsqlDataSource.Create(pooled.ConnectionString);
        _listenConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = ListenKeepAliveSeconds,
        }.ToString();
    }

    public override string Provider => StorageOptions.Postgres;
    public override bool SerializesWrites => false; // row-level locking: concurrent writers are PostgreSQL's job.

    public override Task LockAsync(StoreTransaction tx, StoreLock lockName, CancellationToken ct) =>
        tx.Connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@Namespace, @Key)", LockKey(lockName), tx.Transaction, cancellationToken: ct));

    public override async Task<IAsyncDisposable> HoldSessionLockAsync(StoreLock lockName, CancellationToken ct)
    {
        var connection = await _dataSource.OpenConnectionAsync(ct);
        try
        {
            // No command timeout: the holder may work for minutes (a first start trains); cancelling stops the wait.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_lock(@Namespace, @Key)", LockKey(lockName), commandTimeout: 0, cancellationToken: ct));
            return new SessionLock(connection, LockKey(lockName));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override bool CanNotify => true;

    // pg_notify, not NOTIFY: the payload is a parameter. Delivered when (and only if) the transaction commits.
    public override Task NotifyAsync(StoreTransaction tx, string channel, string payload, CancellationToken ct) =>
        tx.Connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_notify(@channel, @payload)", new { channel, payload }, tx.Transaction, cancellationToken: ct));

    public override async Task ListenAsync(string channel, Action<string> onNotification, Action onListening, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_listenConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => onNotification(e.Payload);
        // LISTEN takes an identifier, not a parameter: quote it, though callers pass a constant.
        await using (var listen = new NpgsqlCommand($"LISTEN \"{channel.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection))
            await listen.ExecuteNonQueryAsync(ct);
        onListening();
        while (true) await connection.WaitAsync(ct);
    }

    public override DbConnection CreateConnection() => _dataSource.CreateConnection();

    public override string LikeIgnoringCase => "ILIKE";

    public override Task PrepareAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

    public override ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct) =>
        connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static object LockKey(StoreLock lockName) => new { Namespace = LockNamespace, Key = (int)lockName };

    /// <summary>A session advisory lock: released by unlocking, or by PostgreSQL when the connection ends.</summary>
    private sealed class SessionLock(NpgsqlConnection connection, object key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@Namespace, @Key)", key);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
    public override string ForUpdate => " FOR UPDATE";

    public override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";
}
