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

    public abstract DbConnection CreateConnection();

    /// <summary>
    /// Names the index a query must use, where the engine would otherwise guess wrong: SQLite plans without
    /// statistics (nothing runs ANALYZE); PostgreSQL keeps statistics and needs no hint.
    /// </summary>
    public virtual string IndexHint(string index) => "";

    /// <summary>A LIKE that ignores case: SQLite's LIKE already does (for ASCII), PostgreSQL's needs ILIKE.</summary>
    public virtual string LikeIgnoringCase => "LIKE";

    /// <summary>Per-connection settings, run after every open.</summary>
    public abstract Task PrepareAsync(DbConnection connection, CancellationToken ct);

    /// <summary>A transaction that takes the write lock at once (SQLite would otherwise fail on lock upgrade).</summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>A read-only transaction that sees one consistent snapshot across several queries.</summary>
    public abstract ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static SqlDialect Create(StorageOptions options) => options.Provider?.Trim().ToLowerInvariant() switch
    {
        StorageOptions.Sqlite or null or "" => new SqliteDialect(options.ConnectionString),
        StorageOptions.Postgres or "postgresql" => new PostgresDialect(options.ConnectionString),
        var other => throw new ArgumentException(
            $"Unknown storage provider '{other}': use \"{StorageOptions.Sqlite}\" or \"{StorageOptions.Postgres}\".",
            nameof(options)),
    };
}
