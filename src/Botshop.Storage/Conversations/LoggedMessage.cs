namespace Botshop.Storage.Conversations;

/// <summary>A candidate's question with the bot's reply and what happened to it, as the workspace shows it.</summary>
public sealed record LoggedMessage(
    long Id,
    long ConversationId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? RepliedAt,
    string Channel,
    string? PostingId,
    string Question,
    string? Intent,
    double? Confidence,
    bool? Answered,
    string? ReplyKind,
    string? AnswerText,
    IReadOnlyList<string> SourceIds,
    double? LatencyMs,
    string? ModelVersion,
    string DeliveryStatus,
    string? DeliveryError,
    string? ReviewStatus,
    int ThumbsUp,
    int ThumbsDown)
{
    public MessageCursor Cursor => new(ReceivedAt.ToUnixTimeMilliseconds(), Id);
}
