using Botshop.Core.Privacy;
using Dapper;

namespace Botshop.Storage.Privacy;

/// <summary>Forget-me and export over the store: everything tied to one pseudonymous user reference.</summary>
public sealed class CandidateRecords(BotshopDatabase db) : ICandidateRecords
{
    public async Task<CandidateErasure> ForgetAsync(string userRef, CancellationToken ct)
    {
        var sql = db.Dialect;
        await using var tx = await db.BeginWriteAsync(ct);
        var own = (await tx.Connection.QueryAsync<(long Id, long ConversationId)>(new CommandDefinition(
            $"SELECT id, conversation_id FROM messages WHERE user_ref = @userRef{sql.ForUpdate}",
            new { userRef }, tx.Transaction, cancellationToken: ct))).ToList();
        var ids = own.Select(m => m.Id).ToArray();
        var conversationIds = own.Select(m => m.ConversationId).Distinct().ToArray();

        // Their votes anywhere, and anyone's votes on their messages (those rows point at messages about to go).
        var feedback = await ExecuteAsync(tx, $"DELETE FROM feedback WHERE user_ref = @userRef OR {sql.InList("message_id", "ids")}", new { userRef, ids }, ct);
        var replies = await ExecuteAsync(tx, $"DELETE FROM recruiter_replies WHERE {sql.InList("message_id", "ids")}", new { ids }, ct);
        var messages = await ExecuteAsync(tx, $"DELETE FROM messages WHERE {sql.InList("id", "ids")}", new { ids }, ct);
        // Their conversations and the ones they alone wrote in go whole, reply reference and all; a conversation
        // others still write in (a Slack channel) stays, no longer naming them as its starter.
        var conversations = await ExecuteAsync(tx, $"""
            DELETE FROM conversations
            WHERE (user_ref = @userRef OR {sql.InList("id", "conversationIds")})
              AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id)
            """, new { userRef, conversationIds }, ct);
        await ExecuteAsync(tx, "UPDATE conversations SET user_ref = NULL WHERE user_ref = @userRef", new { userRef }, ct);
        await tx.CommitAsync(ct);
        return new CandidateErasure(conversations, messages, feedback, replies);
    }

    public async Task<CandidateRecordSet> ExportAsync(string userRef, CancellationToken ct)
    {
        await using var tx = await db.BeginSnapshotAsync(ct);
        var args = new { userRef };
        var conversations = await QueryAsync<ConversationRow>(tx, """
            SELECT id AS Id, channel AS Channel, external_id AS ExternalId, user_ref AS UserRef, posting_id AS PostingId,
                   created_at AS CreatedAt, last_activity_at AS LastActivityAt, reply_ref AS ReplyRef
            FROM conversations
            WHERE user_ref = @userRef OR id IN (SELECT conversation_id FROM messages WHERE user_ref = @userRef)
            ORDER BY id
            """, args, ct);
        var messages = await QueryAsync<MessageRow>(tx, """
            SELECT id AS Id, conversation_id AS ConversationId, channel AS Channel, external_id AS ExternalId,
                   question AS Question, posting_id AS PostingId, intent AS Intent, confidence AS Confidence,
                   answered AS Answered, reply_kind AS ReplyKind, answer_text AS AnswerText, received_at AS ReceivedAt,
                   replied_at AS RepliedAt, delivery_status AS DeliveryStatus, review_status AS ReviewStatus, reply_ref AS ReplyRef
            FROM messages WHERE user_ref = @userRef ORDER BY id
            """, args, ct);
        // Only the votes they cast: others' votes on their messages carry others' references.
        var feedback = await QueryAsync<FeedbackRow>(tx, """
            SELECT f.message_id AS MessageId, f.vote AS Vote, f.voted_at AS VotedAt,
                   CASE WHEN m.user_ref = @userRef THEN 1 ELSE 0 END AS OnOwnMessage
            FROM feedback f LEFT JOIN messages m ON m.id = f.message_id
            WHERE f.user_ref = @userRef ORDER BY f.message_id
            """, args, ct);
        // The recruiter's name is staff data, not the candidate's: left out.
        var replies = await QueryAsync<ReplyRow>(tx, """
            SELECT r.id AS Id, r.message_id AS MessageId, r.text AS Text, r.sent_at AS SentAt, r.delivery_status AS DeliveryStatus
            FROM recruiter_replies r JOIN messages m ON m.id = r.message_id
            WHERE m.user_ref = @userRef ORDER BY r.id
            """, args, ct);
        var examples = await QueryAsync<ExampleRow>(tx, """
            SELECT e.intent_name AS Intent, e.text AS Text, e.source_message_id AS SourceMessageId
            FROM examples e JOIN messages m ON m.id = e.source_message_id
            WHERE m.user_ref = @userRef ORDER BY e.source_message_id, e.intent_name
            """, args, ct);

        return new CandidateRecordSet(
            userRef,
            conversations.Select(c => new CandidateConversation(c.Id, c.Channel, c.ExternalId, c.UserRef == userRef, c.PostingId,
                At(c.CreatedAt), At(c.LastActivityAt), c.ReplyRef)).ToList(),
            messages.Select(m => new CandidateMessage(m.Id, m.ConversationId, m.Channel, m.ExternalId, m.Question, m.PostingId,
                m.Intent, m.Confidence, m.Answered, m.ReplyKind, m.AnswerText, At(m.ReceivedAt),
                m.RepliedAt is { } r ? At(r) : null, m.DeliveryStatus, m.ReviewStatus, m.ReplyRef)).ToList(),
            feedback.Select(f => new CandidateFeedback(f.MessageId, (int)f.Vote, At(f.VotedAt), f.OnOwnMessage != 0)).ToList(),
            replies.Select(r => new CandidateRecruiterReply(r.Id, r.MessageId, r.Text, At(r.SentAt), r.DeliveryStatus)).ToList(),
            examples.Select(e => new CandidateExample(e.Intent, e.Text, e.SourceMessageId)).ToList());
    }

    public Task<string?> AskerOfMessageAsync(long messageId, CancellationToken ct) =>
        ScalarAsync("SELECT user_ref FROM messages WHERE id = @id", messageId, ct);

    public Task<string?> StarterOfConversationAsync(long conversationId, CancellationToken ct) =>
        ScalarAsync("SELECT user_ref FROM conversations WHERE id = @id", conversationId, ct);

    private async Task<string?> ScalarAsync(string sql, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
    }

    private static DateTimeOffset At(long ms) => StorageJson.FromUnixMs(ms);

    private static Task<int> ExecuteAsync(StoreTransaction tx, string sql, object args, CancellationToken ct) =>
        tx.Connection.ExecuteAsync(new CommandDefinition(sql, args, tx.Transaction, cancellationToken: ct));

    private static async Task<List<T>> QueryAsync<T>(StoreTransaction tx, string sql, object args, CancellationToken ct) =>
        (await tx.Connection.QueryAsync<T>(new CommandDefinition(sql, args, tx.Transaction, cancellationToken: ct))).ToList();

    private sealed class ConversationRow
    {
        public long Id { get; init; }
        public string Channel { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public string? UserRef { get; init; }
        public string? PostingId { get; init; }
        public long CreatedAt { get; init; }
        public long LastActivityAt { get; init; }
        public string? ReplyRef { get; init; }
    }

    private sealed class MessageRow
    {
        public long Id { get; init; }
        public long ConversationId { get; init; }
        public string Channel { get; init; } = "";
        public string? ExternalId { get; init; }
        public string Question { get; init; } = "";
        public string? PostingId { get; init; }
        public string? Intent { get; init; }
        public double? Confidence { get; init; }
        public bool? Answered { get; init; }
        public string? ReplyKind { get; init; }
        public string? AnswerText { get; init; }
        public long ReceivedAt { get; init; }
        public long? RepliedAt { get; init; }
        public string DeliveryStatus { get; init; } = "";
        public string? ReviewStatus { get; init; }
        public string? ReplyRef { get; init; }
    }

    private sealed class FeedbackRow
    {
        public long MessageId { get; init; }
        public long Vote { get; init; }
        public long VotedAt { get; init; }
        public long OnOwnMessage { get; init; }
    }

    private sealed class ReplyRow
    {
        public long Id { get; init; }
        public long MessageId { get; init; }
        public string Text { get; init; } = "";
        public long SentAt { get; init; }
        public string DeliveryStatus { get; init; } = "";
    }

    private sealed class ExampleRow
    {
        public string Intent { get; init; } = "";
        public string Text { get; init; } = "";
        public long SourceMessageId { get; init; }
    }
}
