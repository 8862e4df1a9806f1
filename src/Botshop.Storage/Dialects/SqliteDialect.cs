using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Botshop.Storage.Dialects;

internal sealed class SqliteDialect : SqlDialect
{
    /// <summary>How long a writer waits for another process's write lock before SQLite reports "database is locked".</summary>
    public const int BusyTimeoutMs = 30_000;

    // WAL lets readers run beside the one writer; NORMAL sync is safe with WAL (a power cut may lose the last
    // commits, never corrupt); busy_timeout makes writers from other processes wait instead of failing.
    private static readonly string SessionSql = $"""
        PRAGMA busy_timeout = {BusyTimeoutMs};
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        """;

    private readonly string _connectionString;

    public SqliteDialect(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? StorageDefaults.DefaultSqliteConnectionString() : connectionString);
        // Microsoft.Data.Sqlite retries a busy statement until the command timeout: keep it above the busy timeout.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, BusyTimeoutMs / 1000 + 5);
        CreateFolderFor(builder.DataSource);
        _connectionString = builder.ToString();
    }

    public override string Provider => StorageOptions.Sqlite;
    public override bool SerializesWrites => true;

    // BEGIN IMMEDIATE already holds the file's one write lock: every write transaction is exclusive.
    public override Task LockAsync(StoreTransaction tx, StoreLock lockName, CancellationToken ct) => Task.CompletedTask;

    // One host per SQLite file: processes that meet on it at first start only repeat work, and its writes queue anyway.
    public override Task<IAsyncDisposable> HoldSessionLockAsync(StoreLock lockName, CancellationToken ct) =>
        Task.FromResult<IAsyncDisposable>(NothingHeld.Instance);

    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    public override string IndexHint(string index) => $"INDEXED BY {index}";

    // The FTS5 trigram index of migration 0009. CROSS JOIN fixes the join order: SQLite would otherwise often walk a
    // keyset index in order and test each row against the whole list of hits.
    public override string FromTextIndexHits => """
        FROM (SELECT rowid AS id FROM messages_fts WHERE messages_fts MATCH @Phrase) hits
        CROSS JOIN messages m ON m.id = hits.id
        """;

    public override async Task<int> CountTextIndexHitsAsync(DbConnection connection, string phrase, int cap, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM (SELECT 1 FROM messages_fts WHERE messages_fts MATCH @phrase LIMIT @cap)",
            new { phrase, cap }, cancellationToken: ct));

    public override Task PrepareAsync(DbConnection connection, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(SessionSql, cancellationToken: ct));

    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct) =>
        ValueTask.FromResult<DbTransaction>(
            ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: true));

    private sealed class NothingHeld : IAsyncDisposable
    {
        public static readonly NothingHeld Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static void CreateFolderFor(string dataSource)
    {
        if (dataSource.Length == 0 || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
