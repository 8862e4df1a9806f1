namespace Botshop.Core.Conversations;

/// <summary>
/// A recruiter's direct answer to one logged question, sent back through the channel the question came from
/// (Slack thread, Teams conversation, web chat) and logged as a recruiter reply.
/// </summary>
public interface IRecruiterReplies
{
    Task<RecruiterReplyResult> SendAsync(long messageId, string author, string text, CancellationToken ct);
}

/// <param name="Sent">True once the channel accepted it (web chat: stored for the page to fetch).</param>
/// <param name="Error">Why it could not be delivered, in words a recruiter can act on.</param>
public sealed record RecruiterReplyResult(long ReplyId, bool Sent, string? Error);
