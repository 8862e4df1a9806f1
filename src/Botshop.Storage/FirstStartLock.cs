namespace Botshop.Storage;

/// <summary>One process at a time seeds an empty store and trains its first model, however many start together.</summary>
public static class FirstStartLock
{
    /// <summary>
    /// Holds the first-start lock until disposed: replicas starting at once on an empty PostgreSQL store wait here
    /// while the first seeds and trains, then load what it stored. On SQLite (one host) nothing is taken.
    /// </summary>
    public static Task<IAsyncDisposable> HoldFirstStartLockAsync(this BotshopDatabase db, CancellationToken ct) =>
        db.Dialect.HoldSessionLockAsync(StoreLock.FirstStart, ct);
}
