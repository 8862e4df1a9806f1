using Botshop.Core.Answering;

namespace Botshop.Core.Conversations;

/// <summary>The append-mostly record of what candidates asked and what the bot answered.</summary>
public interface IConversationLog
{
    /// <summary>
    /// Records a question as received. Returns its message id, or null when the same (channel, external id) was
    /// already recorded: that delivery is a retry and must not be answered again.
    /// </summary>
    Task<long?> RecordQuestionAsync(IncomingMessage message, DateTimeOffset receivedAt, CancellationToken ct);

    /// <summary>Stores the reply given to a recorded question.</summary>
    Task RecordReplyAsync(long messageId, Reply reply, string? modelVersion, double latencyMs, CancellationToken ct);

    /// <summary>Records whether the reply reached the candidate; a failure keeps its reason.</summary>
    Task RecordDeliveryAsync(long messageId, bool delivered, string? error, CancellationToken ct);

    /// <summary>
    /// Records (or replaces) a user's vote on a message of that channel. False when there is no such message there:
    /// a forged or stale button, which is ignored rather than stored.
    /// </summary>
    Task<bool> RecordFeedbackAsync(long messageId, string channel, FeedbackVote vote, string userRef, DateTimeOffset at, CancellationToken ct);

    /// <summary>The posting a conversation was bound to or chose, if any.</summary>
    Task<string?> GetConversationPostingAsync(string channel, string conversationId, CancellationToken ct);

    Task SetConversationPostingAsync(string channel, string conversationId, string postingId, CancellationToken ct);
}

public enum FeedbackVote { Up = 1, Down = -1 }
