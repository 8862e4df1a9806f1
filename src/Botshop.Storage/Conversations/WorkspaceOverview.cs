using Botshop.Core.Answering;
using Dapper;

namespace Botshop.Storage.Conversations;

/// <summary>The numbers a recruiter sees first.</summary>
/// <param name="Messages">Questions received since the start of the period.</param>
/// <param name="Answered">Of those, the ones the bot answered from the posting.</param>
/// <param name="OpenInbox">Questions that need a human and no recruiter has dealt with yet (all time).</param>
/// <param name="ThumbsDown">👎 votes cast since the start of the period.</param>
public sealed record WorkspaceOverview(long Messages, long Answered, long OpenInbox, long ThumbsDown)
{
    public double? AnsweredShare => Messages == 0 ? null : (double)Answered / Messages;
}

/// <summary>Counts for the workspace's front page.</summary>
public sealed class OverviewQuery(BotshopDatabase db)
{
    /// <summary>
    /// What needs a human: declined or ambiguous, answered with low confidence, or voted 👎, and not yet reviewed
    /// (messages.review_status is null until a recruiter labels, answers, replies to or dismisses it).
    /// </summary>
    public static readonly string OpenInboxCondition = $"""
        m.review_status IS NULL
        AND (m.reply_kind IN ({MessageColumns.DeclinedKinds}, '{nameof(ReplyKind.Ambiguous)}')
             OR (m.answered = TRUE AND m.confidence < @LowConfidence)
             OR {MessageColumns.HasThumbsDown})
        """;

    public async Task<WorkspaceOverview> GetAsync(DateTimeOffset since, double lowConfidence, CancellationToken ct)
    {
        var p = new { Since = StorageJson.ToUnixMs(since), LowConfidence = lowConfidence };
        await using var tx = await db.BeginSnapshotAsync(ct);
        // Separate counts, each answered from one index where it can be: (received_at, id), (answered, received_at, id).
        var messages = await CountAsync(tx, "SELECT COUNT(*) FROM messages WHERE received_at >= @Since", p, ct);
        var answered = await CountAsync(tx, "SELECT COUNT(*) FROM messages WHERE answered = TRUE AND received_at >= @Since", p, ct);
        var open = await CountAsync(tx, $"SELECT COUNT(*) FROM messages m WHERE {OpenInboxCondition}", p, ct);
        var down = await CountAsync(tx, "SELECT COUNT(*) FROM feedback WHERE vote = -1 AND voted_at >= @Since", p, ct);
        await tx.CommitAsync(ct);
        return new WorkspaceOverview(messages, answered, open, down);
    }

    private static Task<long> CountAsync(StoreTransaction tx, string sql, object p, CancellationToken ct) =>
        tx.Connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, p, tx.Transaction, cancellationToken: ct));
}
