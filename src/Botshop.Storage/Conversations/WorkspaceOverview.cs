using Dapper;

namespace Botshop.Storage.Conversations;

/// <summary>The numbers a recruiter sees first.</summary>
/// <param name="Messages">Questions received since the start of the period.</param>
/// <param name="Answered">Of those, the ones the bot answered from the posting.</param>
/// <param name="OpenInbox">Questions that need a human and no recruiter has dealt with yet (all time).</param>
/// <param name="OpenInboxAtLeast">
/// True when <paramref name="OpenInbox"/> is a lower bound: a kind reached <see cref="OverviewQuery.OpenCountCap"/>, or
/// there were more 👎 votes than the <see cref="OverviewQuery.RecentVotes"/> newest it looked at.
/// </param>
/// <param name="ThumbsDown">👎 votes cast since the start of the period.</param>
public sealed record WorkspaceOverview(long Messages, long Answered, long OpenInbox, bool OpenInboxAtLeast, long ThumbsDown)
{
    public double? AnsweredShare => Messages == 0 ? null : (double)Answered / Messages;
}

/// <summary>Counts for the workspace's front page, each read from an index and bounded, so the page stays fast at any size.</summary>
public sealed class OverviewQuery(BotshopDatabase db, int openCountCap, int recentVotes)
{
    public OverviewQuery(BotshopDatabase db) : this(db, OpenCountCap, RecentVotes)
    {
    }

    /// <summary>Open questions are counted up to this many of each kind; beyond it the page says "at least".</summary>
    public const int OpenCountCap = 10_000;

    /// <summary>
    /// 👎 votes on otherwise fine answers are found through the votes, each needing a look at its message; only the
    /// newest this many are looked at, which bounds the page's time whatever the history holds.
    /// </summary>
    public const int RecentVotes = 2_000;

    public async Task<WorkspaceOverview> GetAsync(DateTimeOffset since, double lowConfidence, CancellationToken ct)
    {
        var p = new { Since = StorageJson.ToUnixMs(since), LowConfidence = lowConfidence, Cap = openCountCap, Votes = recentVotes };
        var hint = db.Dialect.IndexHint;
        await using var tx = await db.BeginSnapshotAsync(ct);
        var messages = await CountAsync(tx, "SELECT COUNT(*) FROM messages WHERE received_at >= @Since", p, ct);
        var answered = await CountAsync(tx, "SELECT COUNT(*) FROM messages WHERE answered = TRUE AND received_at >= @Since", p, ct);
        var down = await CountAsync(tx, "SELECT COUNT(*) FROM feedback WHERE vote = -1 AND voted_at >= @Since", p, ct);
        long[] capped =
        [
            await CountAsync(tx, $"SELECT COUNT(*) FROM (SELECT 1 FROM messages m {hint(OpenInbox.HandedOffIndex)} WHERE {OpenInbox.HandedOff} LIMIT @Cap + 1) o", p, ct),
            await CountAsync(tx, $"SELECT COUNT(*) FROM (SELECT 1 FROM messages m {hint(OpenInbox.UnsureIndex)} WHERE {OpenInbox.Unsure} LIMIT @Cap + 1) o", p, ct),
        ];
        var disliked = await CountAsync(tx, $"""
            SELECT COUNT(DISTINCT m.id)
            FROM (SELECT message_id FROM feedback WHERE vote = -1 ORDER BY message_id DESC LIMIT @Votes) f
            JOIN messages m ON m.id = f.message_id
            WHERE {OpenInbox.DislikedOnly}
            """, p, ct);
        var moreVotes = await CountAsync(tx, "SELECT COUNT(*) FROM (SELECT 1 FROM feedback WHERE vote = -1 LIMIT @Votes + 1) v", p, ct) > recentVotes;
        await tx.CommitAsync(ct);
        // One more than the cap was read, to tell "exactly the cap" from "more".
        var open = capped.Sum(n => Math.Min(n, openCountCap)) + disliked;
        return new WorkspaceOverview(messages, answered, open, moreVotes || capped.Any(n => n > openCountCap), down);
    }

    private static Task<long> CountAsync(StoreTransaction tx, string sql, object p, CancellationToken ct) =>
        tx.Connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, p, tx.Transaction, cancellationToken: ct));
}
