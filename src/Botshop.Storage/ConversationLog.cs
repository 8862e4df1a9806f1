using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Dapper;

namespace Botshop.Storage;

/// <summary>Conversations, the messages in them (question, reply, delivery) and feedback on replies.</summary>
public sealed class ConversationLog(BotshopDatabase db, TimeProvider time) : IConversationLog
{
    /// <summary>Delivery errors are kept for diagnosis, not as a dump: long ones are cut here.</summary>
    public const int MaxDeliveryErrorLength = 1000;

    public async Task<long?> RecordQuestionAsync(IncomingMessage message, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var at = StorageJson.ToUnixMs(receivedAt);
        await using var tx = await db.BeginWriteAsync(ct);
        var conversationId = await tx.Connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO conversations (channel, external_id, user_ref, posting_id, created_at, last_activity_at, reply_ref)
            VALUES (@Channel, @ConversationId, @UserRef, NULL, @At, @At, @ReplyRef)
            ON CONFLICT (channel, external_id) DO UPDATE SET
                last_activity_at = CASE WHEN excluded.last_activity_at > conversations.last_activity_at
                                        THEN excluded.last_activity_at ELSE conversations.last_activity_at END,
                reply_ref = COALESCE(excluded.reply_ref, conversations.reply_ref)
            RETURNING id
            """,
            new { message.Channel, message.ConversationId, message.UserRef, At = at, ReplyRef = message.ReplyRef?.Conversation },
            tx.Transaction, cancellationToken: ct));

        // The unique (channel, external_id) decides, not a prior read: two deliveries racing cannot both insert.
        var messageId = await tx.Connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            INSERT INTO messages (conversation_id, channel, external_id, user_ref, question, posting_id, received_at, reply_ref)
            VALUES (@ConversationId, @Channel, @ExternalId, @UserRef, @Question, @PostingId, @ReceivedAt, @ReplyRef)
            ON CONFLICT (channel, external_id) DO NOTHING
            RETURNING id
            """,
            new
            {
                ConversationId = conversationId,
                message.Channel,
                message.ExternalId,
                message.UserRef,
                Question = message.Text,
                message.PostingId,
                ReceivedAt = at,
                ReplyRef = message.ReplyRef?.Message,
            },
            tx.Transaction, cancellationToken: ct));

        // A duplicate leaves no trace, not even the conversation's activity bump: disposing rolls it back.
        if (messageId is null) return null;
        await tx.CommitAsync(ct);
        return messageId;
    }

    public async Task RecordReplyAsync(long messageId, Reply reply, string? modelVersion, double latencyMs, CancellationToken ct)
    {
        await using var tx = await db.BeginBackgroundWriteAsync(ct);
        var updated = await tx.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE messages SET
                posting_id = COALESCE(@PostingId, posting_id), intent = @Intent, confidence = @Confidence,
                answered = @Answered, reply_kind = @ReplyKind, answer_text = @AnswerText, source_ids = @SourceIds,
                latency_ms = @LatencyMs, model_version = @ModelVersion, replied_at = @RepliedAt
            WHERE id = @MessageId
            """,
            new
            {
                MessageId = messageId,
                reply.PostingId,
                reply.Intent,
                Confidence = (double)reply.Confidence,
                reply.Answered,
                ReplyKind = reply.Kind.ToString(),
                AnswerText = reply.Text,
                SourceIds = StorageJson.Write(reply.Sources.Select(s => s.Id)),
                LatencyMs = latencyMs,
                ModelVersion = modelVersion,
                RepliedAt = StorageJson.ToUnixMs(time.GetUtcNow()),
            },
            tx.Transaction, cancellationToken: ct));
        EnsureFound(updated, messageId);
        await tx.CommitAsync(ct);
    }

    public async Task RecordDeliveryAsync(long messageId, bool delivered, string? error, CancellationToken ct)
    {
        if (error is { Length: > MaxDeliveryErrorLength }) error = error[..MaxDeliveryErrorLength];
        await using var tx = await db.BeginBackgroundWriteAsync(ct);
        var updated = await tx.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE messages SET delivery_status = @Status, delivery_error = @Error WHERE id = @MessageId",
            new { MessageId = messageId, Status = delivered ? "delivered" : "failed", Error = error },
            tx.Transaction, cancellationToken: ct));
        EnsureFound(updated, messageId);
        await tx.CommitAsync(ct);
    }

    public async Task<bool> RecordFeedbackAsync(long messageId, string channel, FeedbackVote vote, string userRef, DateTimeOffset at, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        // Inserting from the message row itself: no row (unknown id, or another channel's message) means no vote.
        var recorded = await tx.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO feedback (message_id, user_ref, vote, voted_at)
            SELECT id, @UserRef, @Vote, @VotedAt FROM messages WHERE id = @MessageId AND channel = @Channel
            ON CONFLICT (message_id, user_ref) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at
            """,
            new { MessageId = messageId, Channel = channel, UserRef = userRef, Vote = (int)vote, VotedAt = StorageJson.ToUnixMs(at) },
            tx.Transaction, cancellationToken: ct));
        // The inbox finds voted-down questions by this flag; a changed vote may clear it.
        if (recorded > 0)
            await tx.Connection.ExecuteAsync(new CommandDefinition("""
                UPDATE messages SET down_voted = EXISTS (SELECT 1 FROM feedback f WHERE f.message_id = messages.id AND f.vote = -1)
                WHERE id = @messageId
                """, new { messageId }, tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return recorded > 0;
    }

    public async Task<string?> GetConversationPostingAsync(string channel, string conversationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT posting_id FROM conversations WHERE channel = @channel AND external_id = @conversationId",
            new { channel, conversationId }, cancellationToken: ct));
    }

    public async Task SetConversationPostingAsync(string channel, string conversationId, string postingId, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        await tx.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO conversations (channel, external_id, user_ref, posting_id, created_at, last_activity_at)
            VALUES (@channel, @conversationId, NULL, @postingId, @At, @At)
            ON CONFLICT (channel, external_id) DO UPDATE SET posting_id = excluded.posting_id
            """,
            new { channel, conversationId, postingId, At = StorageJson.ToUnixMs(time.GetUtcNow()) },
            tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private static void EnsureFound(int updated, long messageId)
    {
        if (updated == 0) throw new KeyNotFoundException($"Message {messageId} was never recorded.");
    }
}
