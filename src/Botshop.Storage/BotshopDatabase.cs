using System.Data.Common;
using Botshop.Storage.Dialects;
using Botshop.Storage.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Botshop.Storage;

/// <summary>
/// The one connection factory: opens prepared connections and write/read transactions for the repositories.
/// Create one per process (a singleton) and call <see cref="MigrateAsync"/> once at start.
/// </summary>
public sealed class BotshopDatabase : IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly SemaphoreSlim? _writeGate;
    private readonly SemaphoreSlim? _backgroundGate;
    private readonly ILogger _logger;

    public BotshopDatabase(StorageOptions options, ILogger<BotshopDatabase>? logger = null)
    {
        _dialect = SqlDialect.Create(options);
        _writeGate = _dialect.SerializesWrites ? new SemaphoreSlim(1, 1) : null;
        _backgroundGate = _dialect.SerializesWrites ? new SemaphoreSlim(1, 1) : null;
        _logger = logger ?? NullLogger<BotshopDatabase>.Instance;
    }

    /// <summary>"sqlite" or "postgres".</summary>
    public string Provider => _dialect.Provider;

    internal SqlDialect Dialect => _dialect;

    /// <summary>Brings the schema up to date; safe to run twice and from several processes at once.</summary>
    public Task MigrateAsync(CancellationToken ct = default) => new MigrationRunner(this, _logger).RunAsync(ct);

    /// <summary>An open connection with the session settings applied. The caller disposes it.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = _dialect.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            await _dialect.PrepareAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A transaction holding the write lock. On SQLite, writers of this process queue here first, so many
    /// concurrent writers wait their turn asynchronously instead of spinning in SQLite's busy handler.
    /// </summary>
    internal Task<StoreTransaction> BeginWriteAsync(CancellationToken ct) => BeginWriteAsync(ct, outerGate: null);

    private async Task<StoreTransaction> BeginWriteAsync(CancellationToken ct, SemaphoreSlim? outerGate)
    {
        if (_writeGate is not null) await _writeGate.WaitAsync(ct);
        DbConnection? connection = null;
        try
        {
            connection = await OpenAsync(ct);
            var transaction = await _dialect.BeginWriteAsync(connection, ct);
            return new StoreTransaction(connection, transaction, _writeGate, outerGate);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            _writeGate?.Release();
            throw;
        }
    }

    /// <summary>
    /// A write that nobody is waiting on (recording a reply after it was sent). On SQLite these queue one at a time in
    /// front of the write lock, so a webhook's acknowledgement waits behind at most one of them, never behind all.
    /// </summary>
    internal async Task<StoreTransaction> BeginBackgroundWriteAsync(CancellationToken ct)
    {
        if (_backgroundGate is null) return await BeginWriteAsync(ct);
        await _backgroundGate.WaitAsync(ct);
        try
        {
            return await BeginWriteAsync(ct, _backgroundGate);
        }
        catch
        {
            _backgroundGate.Release();
            throw;
        }
    }

    /// <summary>A read transaction seeing one snapshot, for reads that span several queries.</summary>
    internal async Task<StoreTransaction> BeginSnapshotAsync(CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        try
        {
            return new StoreTransaction(connection, await _dialect.BeginSnapshotAsync(connection, ct), gate: null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A write transaction that also holds <paramref name="lockName"/> until it ends.</summary>
    internal async Task<StoreTransaction> BeginExclusiveAsync(StoreLock lockName, CancellationToken ct)
    {
        var tx = await BeginWriteAsync(ct);
        try
        {
            await _dialect.LockAsync(tx, lockName, ct);
            return tx;
        }
        catch
        {
            await tx.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _dialect.DisposeAsync();
        _writeGate?.Dispose();
        _backgroundGate?.Dispose();
    }
}
