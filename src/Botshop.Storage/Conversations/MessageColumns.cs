using Botshop.Core.Answering;

namespace Botshop.Storage.Conversations;

/// <summary>The SELECT list and row type every workspace query of messages shares (alias m).</summary>
internal static class MessageColumns
{
    public const string Select = Columns + "\nFROM messages m";

    /// <summary>The SELECT list alone, for a query that reaches messages m another way.</summary>
    public const string Columns = """
        SELECT m.id, m.conversation_id AS ConversationId, m.received_at AS ReceivedAt, m.replied_at AS RepliedAt, m.channel,
               m.posting_id AS PostingId, m.question, m.intent, m.confidence, m.answered, m.reply_kind AS ReplyKind,
               m.answer_text AS AnswerText, m.source_ids AS SourceIds, m.latency_ms AS LatencyMs, m.model_version AS ModelVersion,
               m.delivery_status AS DeliveryStatus, m.delivery_error AS DeliveryError, m.review_status AS ReviewStatus,
               (SELECT COUNT(*) FROM feedback f WHERE f.message_id = m.id AND f.vote = 1) AS ThumbsUp,
               (SELECT COUNT(*) FROM feedback f WHERE f.message_id = m.id AND f.vote = -1) AS ThumbsDown
        """;

    /// <summary>The reply kinds that hand a question to a recruiter (Reply.HandedOff), as stored.</summary>
    public static readonly string DeclinedKinds = $"'{nameof(ReplyKind.NotInPosting)}', '{nameof(ReplyKind.OutOfScope)}'";

    public const string HasThumbsDown = "EXISTS (SELECT 1 FROM feedback f WHERE f.message_id = m.id AND f.vote = -1)";

    internal sealed class Row
    {
        public long Id { get; init; }
        public long ConversationId { get; init; }
        public long ReceivedAt { get; init; }
        public long? RepliedAt { get; init; }
        public string Channel { get; init; } = "";
        public string? PostingId { get; init; }
        public string Question { get; init; } = "";
        public string? Intent { get; init; }
        public double? Confidence { get; init; }
        public bool? Answered { get; init; }
        public string? ReplyKind { get; init; }
        public string? AnswerText { get; init; }
        public string? SourceIds { get; init; }
        public double? LatencyMs { get; init; }
        public string? ModelVersion { get; init; }
        public string DeliveryStatus { get; init; } = "";
        public string? DeliveryError { get; init; }
        public string? ReviewStatus { get; init; }
        public long ThumbsUp { get; init; }
        public long ThumbsDown { get; init; }

        public LoggedMessage ToMessage() => new(
            Id, ConversationId, StorageJson.FromUnixMs(ReceivedAt), RepliedAt is null ? null : StorageJson.FromUnixMs(RepliedAt.Value),
            Channel, PostingId, Question, Intent, Confidence, Answered, ReplyKind, AnswerText,
            SourceIds is null ? [] : StorageJson.Read<List<string>>(SourceIds), LatencyMs, ModelVersion, DeliveryStatus, DeliveryError,
            ReviewStatus, (int)ThumbsUp, (int)ThumbsDown);
    }
}
