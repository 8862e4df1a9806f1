namespace Botshop.Storage;

/// <summary>
/// Tells the processes sharing a store that a change committed (PostgreSQL LISTEN/NOTIFY), so they reload within a
/// moment instead of at their next poll. SQLite cannot announce anything: there, readers rely on polling
/// <see cref="StoreStamps"/>, which stays the fallback everywhere, since a notification sent while a listener was
/// reconnecting is lost.
/// </summary>
public sealed class StoreChangeFeed(BotshopDatabase db)
{
    /// <summary>The one channel every change is announced on; the payload names the change.</summary>
    public const string Channel = "botshop_changes";

    /// <summary>False on SQLite: <see cref="ListenAsync"/> would throw, and nothing is ever announced.</summary>
    public bool IsSupported => db.Dialect.CanNotify;

    /// <summary>
    /// Calls <paramref name="onChange"/> for each change committed by any process, <paramref name="onListening"/> once
    /// announcements are flowing (changes before it were missed: check the store then). Runs until
    /// <paramref name="ct"/> is cancelled or the connection fails, which throws: the caller decides when to listen again.
    /// </summary>
    public Task ListenAsync(Action<StoreChange> onChange, Action onListening, CancellationToken ct) =>
        db.Dialect.ListenAsync(Channel, payload =>
        {
            // A payload from a newer release that this one does not know is ignored; polling still catches it up.
            if (Enum.TryParse<StoreChange>(payload, ignoreCase: false, out var change)) onChange(change);
        }, onListening, ct);

    /// <summary>Announces <paramref name="change"/> when <paramref name="tx"/> commits; nothing if it rolls back.</summary>
    internal static Task AnnounceAsync(BotshopDatabase db, StoreTransaction tx, StoreChange change, CancellationToken ct) =>
        db.Dialect.NotifyAsync(tx, Channel, change.ToString(), ct);
}
