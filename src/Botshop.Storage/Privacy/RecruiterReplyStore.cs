using Dapper;

namespace Botshop.Storage.Privacy;

/// <summary>
/// Recruiters' direct replies to logged questions (recruiter_replies), with their delivery state, and what a
/// delivery needs to know about the question: its channel and where it can be answered.
/// </summary>
public sealed class RecruiterReplyStore(BotshopDatabase db, TimeProvider time)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    /// <summary>Delivery errors are kept for diagnosis, not as a dump: long ones are cut here.</summary>
    public const int MaxErrorLength = 1000;

    /// <summary>The question's channel and reply addresses, or null when there is no such message (any more).</summary>
    public async Task<ReplyTarget?> FindTargetAsync(long messageId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ReplyTarget>(new CommandDefinition("""
            SELECT m.id AS MessageId, m.channel AS Channel, c.external_id AS ConversationExternalId,
                   m.external_id AS MessageExternalId, c.reply_ref AS ConversationReplyRef, m.reply_ref AS MessageReplyRef
            FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE m.id = @messageId
            """, new { messageId }, cancellationToken: ct));
    }

    /// <summary>Stores a reply as pending, before anything is sent: a crash mid-send leaves it visible, not lost.</summary>
    public async Task<long?> AddAsync(long messageId, string author, string text, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        // Inserting from the message row: a message forgotten or purged meanwhile yields no reply rather than an error.
        var id = await tx.Connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            INSERT INTO recruiter_replies (message_id, author, text, sent_at, delivery_status)
            SELECT id, @author, @text, @at, @status FROM messages WHERE id = @messageId
            RETURNING id
            """,
            new { messageId, author, text, at = StorageJson.ToUnixMs(time.GetUtcNow()), status = Pending },
            tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task MarkAsync(long replyId, bool delivered, string? error, CancellationToken ct)
    {
        if (error is { Length: > MaxErrorLength }) error = error[..MaxErrorLength];
        await using var tx = await db.BeginWriteAsync(ct);
        await tx.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE recruiter_replies SET delivery_status = @status, delivery_error = @error WHERE id = @replyId",
            new { replyId, status = delivered ? Delivered : Failed, error }, tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The replies to questions of one conversation with an id above <paramref name="after"/>, oldest first, as the
    /// web chat polls them. Replies still pending are marked delivered: the page has them now.
    /// </summary>
    public async Task<IReadOnlyList<StoredRecruiterReply>> TakeForConversationAsync(string channel, string conversation, long after, CancellationToken ct)
    {
        const string Select = """
            SELECT r.id AS Id, r.message_id AS MessageId, r.text AS Text, r.sent_at AS SentAtMs, r.delivery_status AS DeliveryStatus
            FROM recruiter_replies r
            JOIN messages m ON m.id = r.message_id
            JOIN conversations c ON c.id = m.conversation_id
            WHERE c.channel = @channel AND c.external_id = @conversation AND r.id > @after AND r.delivery_status <> 'failed'
            ORDER BY r.id
            LIMIT 100
            """;
        var args = new { channel, conversation, after };
        List<StoredRecruiterReply> replies;
        await using (var connection = await db.OpenAsync(ct))
            replies = (await connection.QueryAsync<StoredRecruiterReply>(new CommandDefinition(Select, args, cancellationToken: ct))).ToList();
        var fetched = replies.Where(r => r.DeliveryStatus == Pending).Select(r => r.Id).ToArray();
        if (fetched.Length == 0) return replies;

        await using var tx = await db.BeginWriteAsync(ct);
        await tx.Connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE recruiter_replies SET delivery_status = @status WHERE {db.Dialect.InList("id", "fetched")} AND delivery_status = 'pending'",
            new { status = Delivered, fetched }, tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return replies;
    }
}

/// <summary>What a reply to one question needs: its channel and the (encrypted) places it can be answered.</summary>
public sealed class ReplyTarget
{
    public long MessageId { get; init; }
    public string Channel { get; init; } = "";
    public string ConversationExternalId { get; init; } = "";
    public string? MessageExternalId { get; init; }
    public string? ConversationReplyRef { get; init; }
    public string? MessageReplyRef { get; init; }
}

public sealed class StoredRecruiterReply
{
    public long Id { get; init; }
    public long MessageId { get; init; }
    public string Text { get; init; } = "";
    public long SentAtMs { get; init; }
    public string DeliveryStatus { get; init; } = "";
    public DateTimeOffset SentAt => DateTimeOffset.FromUnixTimeMilliseconds(SentAtMs);
}
