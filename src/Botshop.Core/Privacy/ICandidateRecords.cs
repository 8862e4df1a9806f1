namespace Botshop.Core.Privacy;

/// <summary>
/// Everything stored about one candidate, found by their pseudonymous user reference (a channel's HMAC of their
/// platform id): deleted on request (forget-me) or gathered for them (export).
/// </summary>
public interface ICandidateRecords
{
    /// <summary>
    /// Deletes the candidate's messages with their feedback and recruiter replies, their feedback on other messages,
    /// and their conversations that are left with no message (reply references included). A conversation others
    /// still write in (a Slack channel) stays, without the candidate's reference.
    /// </summary>
    Task<CandidateErasure> ForgetAsync(string userRef, CancellationToken ct);

    /// <summary>Everything the store holds for the candidate, as stored (reply references still encrypted).</summary>
    Task<CandidateRecordSet> ExportAsync(string userRef, CancellationToken ct);

    /// <summary>Who asked a logged question, or null when there is no such message.</summary>
    Task<string?> AskerOfMessageAsync(long messageId, CancellationToken ct);

    /// <summary>Who started a conversation, or null when there is no such conversation or it was started by a binding.</summary>
    Task<string?> StarterOfConversationAsync(long conversationId, CancellationToken ct);
}

/// <summary>How many rows a forget-me removed.</summary>
public sealed record CandidateErasure(int Conversations, int Messages, int Feedback, int RecruiterReplies)
{
    public int Total => Conversations + Messages + Feedback + RecruiterReplies;
}

public sealed record CandidateRecordSet(
    string UserRef,
    IReadOnlyList<CandidateConversation> Conversations,
    IReadOnlyList<CandidateMessage> Messages,
    IReadOnlyList<CandidateFeedback> Feedback,
    IReadOnlyList<CandidateRecruiterReply> RecruiterReplies,
    IReadOnlyList<CandidateExample> TrainingExamples);

/// <param name="ReplyRef">The conversation's reply address, as Data Protection ciphertext.</param>
public sealed record CandidateConversation(
    long Id, string Channel, string ExternalId, bool StartedByCandidate, string? PostingId,
    DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, string? ReplyRef);

public sealed record CandidateMessage(
    long Id, long ConversationId, string Channel, string? ExternalId, string Question, string? PostingId, string? Intent,
    double? Confidence, bool? Answered, string? ReplyKind, string? AnswerText, DateTimeOffset ReceivedAt,
    DateTimeOffset? RepliedAt, string DeliveryStatus, string? ReviewStatus, string? ReplyRef);

/// <param name="OnOwnMessage">True for a vote on the candidate's own question; false for a vote they cast on another's.</param>
public sealed record CandidateFeedback(long MessageId, int Vote, DateTimeOffset VotedAt, bool OnOwnMessage);

public sealed record CandidateRecruiterReply(long Id, long MessageId, string Text, DateTimeOffset SentAt, string DeliveryStatus);

/// <summary>A training example a recruiter taught from one of the candidate's questions (redacted text; kept on forget-me).</summary>
public sealed record CandidateExample(string Intent, string Text, long SourceMessageId);
