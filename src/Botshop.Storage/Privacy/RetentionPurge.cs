using Dapper;

namespace Botshop.Storage.Privacy;

/// <summary>
/// Deletes messages received before a cutoff, with their feedback and recruiter replies, and the conversations that
/// leaves empty (their encrypted reply reference with them). Training examples taught from purged messages stay:
/// they hold only redacted text and no link to a person. Works in batches, each its own short transaction under
/// the maintenance lock, so webhooks keep being acknowledged while a large backlog is purged.
/// </summary>
public sealed class RetentionPurge(BotshopDatabase db)
{
    public const string Job = "retention-purge";
    private const int BatchSize = 500;

    /// <summary>Deletes everything due (received strictly before <paramref name="cutoff"/>) and says how much went.</summary>
    public async Task<PurgeResult> PurgeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var total = PurgeResult.None(cutoff);
        while (true)
        {
            var batch = await PurgeBatchAsync(StorageJson.ToUnixMs(cutoff), ct);
            total = total.Add(batch);
            if (batch.Messages < BatchSize) return total;
        }
    }

    /// <summary>What <see cref="PurgeAsync"/> would delete now, deleting nothing.</summary>
    public async Task<PurgeResult> PreviewAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var tx = await db.BeginSnapshotAsync(ct);
        var counts = await tx.Connection.QuerySingleAsync<Counts>(new CommandDefinition("""
            SELECT
              (SELECT COUNT(*) FROM messages WHERE received_at < @Cutoff) AS Messages,
              (SELECT COUNT(*) FROM feedback f JOIN messages m ON m.id = f.message_id WHERE m.received_at < @Cutoff) AS Feedback,
              (SELECT COUNT(*) FROM recruiter_replies r JOIN messages m ON m.id = r.message_id WHERE m.received_at < @Cutoff) AS RecruiterReplies,
              (SELECT COUNT(*) FROM conversations c
                WHERE c.last_activity_at < @Cutoff
                  AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.received_at >= @Cutoff)) AS Conversations
            """, new { Cutoff = StorageJson.ToUnixMs(cutoff) }, tx.Transaction, cancellationToken: ct));
        return new PurgeResult(cutoff, (int)counts.Messages, (int)counts.Feedback, (int)counts.RecruiterReplies, (int)counts.Conversations);
    }

    private async Task<PurgeResult> PurgeBatchAsync(long cutoff, CancellationToken ct)
    {
        await using var tx = await db.BeginExclusiveAsync(StoreLock.Maintenance, ct);
        // Locking the rows (PostgreSQL) makes a vote or recruiter reply racing for one of them wait, then find it gone.
        var sql = db.Dialect;
        var due = (await tx.Connection.QueryAsync<(long Id, long ConversationId)>(new CommandDefinition(
            $"SELECT id, conversation_id FROM messages WHERE received_at < @cutoff ORDER BY received_at, id LIMIT @BatchSize{sql.ForUpdate}",
            new { cutoff, BatchSize }, tx.Transaction, cancellationToken: ct))).ToList();
        if (due.Count == 0) return PurgeResult.None(StorageJson.FromUnixMs(cutoff));

        var ids = due.Select(d => d.Id).ToArray();
        var conversationIds = due.Select(d => d.ConversationId).Distinct().ToArray();
        var feedback = await ExecuteAsync(tx, $"DELETE FROM feedback WHERE {sql.InList("message_id", "ids")}", new { ids }, ct);
        var replies = await ExecuteAsync(tx, $"DELETE FROM recruiter_replies WHERE {sql.InList("message_id", "ids")}", new { ids }, ct);
        var messages = await ExecuteAsync(tx, $"DELETE FROM messages WHERE {sql.InList("id", "ids")}", new { ids }, ct);
        // Only conversations this batch emptied, and only when idle since the cutoff: a posting binding made without
        // a question is not "left empty", and a question arriving meanwhile (it bumps last_activity_at) keeps its own.
        var conversations = await ExecuteAsync(tx, $"""
            DELETE FROM conversations
            WHERE {sql.InList("id", "conversationIds")} AND last_activity_at < @cutoff
              AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id)
            """, new { conversationIds, cutoff }, ct);
        await tx.CommitAsync(ct);
        return new PurgeResult(StorageJson.FromUnixMs(cutoff), messages, feedback, replies, conversations);
    }

    private static Task<int> ExecuteAsync(StoreTransaction tx, string sql, object args, CancellationToken ct) =>
        tx.Connection.ExecuteAsync(new CommandDefinition(sql, args, tx.Transaction, cancellationToken: ct));

    private sealed class Counts
    {
        public long Messages { get; init; }
        public long Feedback { get; init; }
        public long RecruiterReplies { get; init; }
        public long Conversations { get; init; }
    }
}

/// <summary>What a retention purge removed (or, previewed, would remove): rows older than <see cref="Cutoff"/>.</summary>
public sealed record PurgeResult(DateTimeOffset Cutoff, int Messages, int Feedback, int RecruiterReplies, int Conversations)
{
    public static PurgeResult None(DateTimeOffset cutoff) => new(cutoff, 0, 0, 0, 0);

    public PurgeResult Add(PurgeResult other) => this with
    {
        Messages = Messages + other.Messages,
        Feedback = Feedback + other.Feedback,
        RecruiterReplies = RecruiterReplies + other.RecruiterReplies,
        Conversations = Conversations + other.Conversations,
    };
}
