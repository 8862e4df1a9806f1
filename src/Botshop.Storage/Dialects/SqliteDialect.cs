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

    // The FTS5 trigram index of migrations 0009/0010: its hits for the rows up to the mark, plus every row above the
    // mark (not indexed yet: a second or so of new questions), which the LIKE then tests. CROSS JOIN fixes the join
    // order: SQLite would otherwise often walk a keyset index in order and test each row against the whole list of hits.
    private const string AboveMark = "SELECT id FROM messages WHERE id > (SELECT indexed_through FROM message_search_progress WHERE id = 1)";

    public override string FromTextIndexHits => $"""
        FROM (SELECT rowid AS id FROM messages_fts WHERE messages_fts MATCH @Phrase
              UNION ALL {AboveMark}) hits
        CROSS JOIN messages m ON m.id = hits.id
        """;

    // Rows above the mark count as hits whatever they hold: a backlog (say, questions logged by the CLI while no
    // server ran) then makes the search walk the keyset index, still exact.
    public override async Task<int> CountTextIndexHitsAsync(DbConnection connection, string phrase, int cap, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition($"""
            SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM messages_fts WHERE messages_fts MATCH @phrase LIMIT @cap))
                 + (SELECT COUNT(*) FROM ({AboveMark} LIMIT @cap))
            """, new { phrase, cap }, cancellationToken: ct));

    public override bool FillsTextIndexInBatches => true;

    public override async Task<int> IndexPendingQuestionsAsync(StoreTransaction tx, int batch, CancellationToken ct)
    {
        var mark = await tx.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT indexed_through FROM message_search_progress WHERE id = 1", transaction: tx.Transaction, cancellationToken: ct));
        var (count, upTo) = await tx.Connection.QuerySingleAsync<(int, long?)>(new CommandDefinition("""
            SELECT COUNT(*), MAX(id) FROM (SELECT id FROM messages WHERE id > @mark ORDER BY id LIMIT @batch)
            """, new { mark, batch }, tx.Transaction, cancellationToken: ct));
        if (upTo is not { } through) return 0;
        await tx.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO messages_fts (rowid, question) SELECT id, question FROM messages WHERE id > @mark AND id <= @through;
            UPDATE message_search_progress SET indexed_through = @through WHERE id = 1;
            """, new { mark, through }, tx.Transaction, cancellationToken: ct));
        return count;
    }

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
