using System.Data.Common;

namespace Botshop.Storage.Dialects;

/// <summary>
/// What differs between the engines, and nothing else: how connections are made and prepared, how a migration run is
/// locked, and whether writers must queue in-process. DDL differences live in the per-provider migration folders;
/// the statements the repositories run (ON CONFLICT … RETURNING, TRUE/FALSE) are written to run on both.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    public abstract string Provider { get; }

    /// <summary>SQLite allows one writer per file: queueing writers in-process keeps them off the busy handler.</summary>
    public abstract bool SerializesWrites { get; }

    /// <summary>
    /// Takes <paramref name="lockName"/> until the write transaction ends, so writes that read-then-change a set of
    /// rows (migrations, switching the active model) run one at a time across processes.
    /// </summary>
    public abstract Task LockAsync(StoreTransaction tx, StoreLock lockName, CancellationToken ct);

    /// <summary>
    /// Holds <paramref name="lockName"/> across processes until disposed, outside any transaction, for work too long
    /// to keep a transaction open (a first start's seeding and training).
    /// </summary>
    public abstract Task<IAsyncDisposable> HoldSessionLockAsync(StoreLock lockName, CancellationToken ct);

    /// <summary>True when committed changes can be announced to other processes (PostgreSQL LISTEN/NOTIFY).</summary>
    public virtual bool CanNotify => false;

    /// <summary>Announces <paramref name="payload"/> on <paramref name="channel"/> when <paramref name="tx"/> commits.</summary>
    public virtual Task NotifyAsync(StoreTransaction tx, string channel, string payload, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Calls <paramref name="onNotification"/> for each announcement on <paramref name="channel"/> until
    /// <paramref name="ct"/> is cancelled or the connection fails (the exception then tells why).
    /// </summary>
    public virtual Task ListenAsync(string channel, Action<string> onNotification, Action onListening, CancellationToken ct) =>
        throw new NotSupportedException($"The {Provider} store cannot announce changes: poll instead.");

    public abstract DbConnection CreateConnection();

    /// <summary>
    /// Names the index a query must use, where the engine would otherwise guess wrong: SQLite plans without
    /// statistics (nothing runs ANALYZE); PostgreSQL keeps statistics and needs no hint.
    /// </summary>
    public virtual string IndexHint(string index) => "";

    /// <summary>A LIKE that ignores case: SQLite's LIKE already does (for ASCII), PostgreSQL's needs ILIKE.</summary>
    public virtual string LikeIgnoringCase => "LIKE";

    /// <summary>
    /// The FROM of a messages query (alias m) whose free-text search a separate text index drives: its hits for the
    /// phrase @Phrase joined to messages, read before any other index. Null where the engine's own planner serves the
    /// LIKE from its text index (PostgreSQL's pg_trgm index of migration 0009 needs no help).
    /// </summary>
    public virtual string? FromTextIndexHits => null;

    /// <summary>How many of the text index's hits for <paramref name="phrase"/> there are, counting up to <paramref name="cap"/>.</summary>
    public virtual Task<int> CountTextIndexHitsAsync(DbConnection connection, string phrase, int cap, CancellationToken ct) =>
        throw new NotSupportedException($"The {Provider} store has no separate text index.");

    /// <summary>Adds up to <paramref name="batch"/> logged questions not yet in the text index to it; returns how many.
    /// Only SQLite's index is filled in batches (migration 0010); PostgreSQL's index keeps itself current.</summary>
    public virtual Task<int> IndexPendingQuestionsAsync(StoreTransaction tx, int batch, CancellationToken ct) => Task.FromResult(0);

    /// <summary>Whether <see cref="IndexPendingQuestionsAsync"/> has work to do on this engine.</summary>
    public virtual bool FillsTextIndexInBatches => false;

    /// <summary>Per-connection settings, run after every open.</summary>
    public abstract Task PrepareAsync(DbConnection connection, CancellationToken ct);

    /// <summary>A transaction that takes the write lock at once (SQLite would otherwise fail on lock upgrade).</summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>A read-only transaction that sees one consistent snapshot across several queries.</summary>
    public abstract ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Appended to a SELECT to lock the rows it reads until the transaction ends; SQLite's write lock already does.</summary>
    public virtual string ForUpdate => "";

    /// <summary>
    /// "column matches any of the list parameter": Dapper expands IN @list for SQLite, but hands PostgreSQL an
    /// array, which needs = ANY(@list).
    /// </summary>
    public virtual string InList(string column, string parameter) => $"{column} IN @{parameter}";

    public static SqlDialect Create(StorageOptions options) => options.Provider?.Trim().ToLowerInvariant() switch
    {
        StorageOptions.Sqlite or null or "" => new SqliteDialect(options.ConnectionString),
        StorageOptions.Postgres or "postgresql" => new PostgresDialect(options.ConnectionString),
        var other => throw new ArgumentException(
            $"Unknown storage provider '{other}': use \"{StorageOptions.Sqlite}\" or \"{StorageOptions.Postgres}\".",
            nameof(options)),
    };
}
