using System.Data.Common;

namespace Botshop.Storage;

/// <summary>A connection with its transaction; disposing without <see cref="CommitAsync"/> rolls back.</summary>
internal sealed class StoreTransaction(DbConnection connection, DbTransaction transaction, SemaphoreSlim? gate, SemaphoreSlim? outerGate = null)
    : IAsyncDisposable
{
    private bool _disposed;

    public DbConnection Connection => connection;
    public DbTransaction Transaction => transaction;

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
        finally
        {
            gate?.Release();
            outerGate?.Release();
        }
    }
}
