namespace Botshop.Core.Knowledge.Editing;

/// <summary>
/// The live knowledge as the recruiter workspace edits it, one change at a time, with who and when. Unlike
/// <see cref="IKnowledgeStore"/> it also sees draft answers. Rules are checked by <see cref="KnowledgeEditor"/>;
/// the store keeps what must hold under concurrency (one question trains one intent, an intent name is taken once).
/// </summary>
public interface IKnowledgeEditStore
{
    /// <param name="search">Case-insensitive text to find in names, topics or examples; null lists every intent.</param>
    Task<IReadOnlyList<IntentSummary>> ListIntentsAsync(string? search, CancellationToken ct);

    Task<IntentDetail?> GetIntentAsync(string name, CancellationToken ct);

    Task<IReadOnlyList<PostingHeader>> ListPostingsAsync(CancellationToken ct);

    /// <summary>A posting with its passages, as stored now (for citation checks and the citation picker).</summary>
    Task<Posting?> GetPostingAsync(string postingId, CancellationToken ct);

    /// <summary>False when an intent of that name exists already.</summary>
    Task<bool> CreateIntentAsync(string name, string topic, CancellationToken ct);

    /// <summary>The previous topic, or null when there is no such intent.</summary>
    Task<string?> SetTopicAsync(string name, string topic, CancellationToken ct);

    /// <summary>
    /// Plans the candidates with <see cref="ExamplePlanner"/> against every stored example and applies the plan in one
    /// transaction (adds, and moves when <paramref name="moveConflicting"/>). Null when there is no such intent.
    /// </summary>
    Task<IReadOnlyList<ExampleDecision>?> AddExamplesAsync(
        string intent, IReadOnlyList<ExampleCandidate> candidates, bool moveConflicting, string addedBy, DateTimeOffset at, CancellationToken ct);

    /// <summary>Removes the example at that position if it still has that text (a stale page removes nothing).</summary>
    Task<bool> RemoveExampleAsync(string intent, int position, string text, CancellationToken ct);

    /// <summary>Creates or replaces the (intent, posting) answer as live. Returns the previous one, if any.</summary>
    Task<AnswerEntry?> SetAnswerAsync(string intent, string postingId, PostingAnswer answer, string updatedBy, DateTimeOffset at, CancellationToken ct);

    /// <summary>Returns the removed answer, or null when there was none.</summary>
    Task<AnswerEntry?> RemoveAnswerAsync(string intent, string postingId, CancellationToken ct);
}

public sealed record PostingHeader(string Id, string Title);

/// <param name="AnsweredPostings">Postings with a live answer for this intent.</param>
/// <param name="DraftPostings">Postings with a draft answer waiting for a recruiter.</param>
public sealed record IntentSummary(
    string Name, string Topic, int ExampleCount, IReadOnlyList<string> AnsweredPostings, IReadOnlyList<string> DraftPostings);

public sealed record IntentDetail(string Name, string Topic, IReadOnlyList<ExampleEntry> Examples, IReadOnlyList<AnswerEntry> Answers);

/// <param name="SourceMessageId">The logged question it was taught from in the inbox; null for seed or typed examples.</param>
public sealed record ExampleEntry(int Position, string Text, long? SourceMessageId, string? AddedBy, DateTimeOffset? AddedAt);

public sealed record AnswerEntry(
    string PostingId, string Text, IReadOnlyList<string> SourceIds, AnswerStatus Status, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>Live answers are served; drafts (drawn from a new posting) wait for a recruiter to approve them.</summary>
public enum AnswerStatus { Live, Draft }
