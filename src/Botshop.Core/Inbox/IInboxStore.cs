using Botshop.Core.Knowledge;
using Botshop.Core.Knowledge.Editing;

namespace Botshop.Core.Inbox;

/// <summary>
/// The questions that need a human, and the decisions recruiters take on them. Every decision takes a message only
/// while it is still open (review_status null), in the same transaction as its effect, so two recruiters acting on
/// one question at once cannot both succeed.
/// </summary>
public interface IInboxStore
{
    /// <summary>
    /// Open questions, newest first: declined (not in the posting, out of scope), ambiguous, answered with a
    /// confidence below <paramref name="confidenceBelow"/>, or voted 👎. Empty questions (button presses) are left out.
    /// </summary>
    Task<IReadOnlyList<InboxQuestion>> OpenQuestionsAsync(float confidenceBelow, int limit, CancellationToken ct);

    /// <summary>Marks the still-open messages among <paramref name="messageIds"/>; returns the ids this call took.</summary>
    Task<IReadOnlyList<long>> CloseAsync(IReadOnlyList<long> messageIds, ReviewStatus status, string reviewedBy, DateTimeOffset at, CancellationToken ct);

    /// <summary>Opens a message again that this reviewer closed with <paramref name="status"/> (a reply that could not be sent).</summary>
    Task<bool> ReopenAsync(long messageId, ReviewStatus status, string reviewedBy, CancellationToken ct);

    /// <summary>
    /// Teaches the still-open questions among <paramref name="messageIds"/> to <paramref name="intent"/> as examples
    /// (planned by <see cref="ExamplePlanner"/>), marking each taught one labeled. Null when there is no such intent.
    /// </summary>
    Task<InboxOutcome?> LabelAsync(
        IReadOnlyList<long> messageIds, string intent, bool moveConflicting, string reviewedBy, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Creates <paramref name="intent"/> with its answer for one posting and teaches it the still-open questions, marking
    /// them answered, all in one transaction; when no question could be taken, nothing is created. Null when an
    /// intent of that name exists already.
    /// </summary>
    Task<InboxOutcome?> AnswerAsync(
        IReadOnlyList<long> messageIds, NewIntent intent, string postingId, PostingAnswer answer, bool moveConflicting,
        string reviewedBy, DateTimeOffset at, CancellationToken ct);
}

/// <summary>What a recruiter decided about a question; stored lower-case in messages.review_status.</summary>
public enum ReviewStatus { Labeled, Answered, Replied, Dismissed }

public static class ReviewStatuses
{
    public static string ToStored(this ReviewStatus status) => status.ToString().ToLowerInvariant();
}

public sealed record NewIntent(string Name, string Topic);

/// <summary>What happened to one question of a label or answer decision.</summary>
/// <param name="ConflictIntent">For a conflict or a move: the intent that had the question as an example.</param>
public sealed record MessageDecision(long MessageId, string Text, ExampleOutcome Outcome, string? ConflictIntent);

/// <param name="Taken">The messages this decision closed.</param>
/// <param name="NotOpen">Messages already reviewed (by someone else, or before), or that do not exist: left as they were.</param>
/// <param name="Decisions">For label and answer: per open question, what became of it as an example.</param>
public sealed record InboxOutcome(IReadOnlyList<long> Taken, IReadOnlyList<long> NotOpen, IReadOnlyList<MessageDecision> Decisions)
{
    public int ExamplesAdded => Decisions.Count(d => Taken.Contains(d.MessageId) && d.Outcome is ExampleOutcome.Add or ExampleOutcome.Move);
}
