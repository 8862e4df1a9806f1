namespace Botshop.Core.Postings;

/// <summary>
/// A proposed answer for a posting, quoting that posting's own passages, that is not served until a recruiter
/// approves it.
/// </summary>
/// <param name="Score">How close the cited passages are to those the intent's live answers cite (cosine, 0–1).</param>
/// <param name="BasedOn">The posting whose answer the passages were matched against.</param>
public sealed record DraftAnswer(
    string Intent,
    string PostingId,
    string Text,
    IReadOnlyList<string> SourceIds,
    double Score,
    string BasedOn);

/// <summary>A draft as stored: who proposed it and when.</summary>
public sealed record StoredDraft(string Intent, string PostingId, string Text, IReadOnlyList<string> SourceIds, string? UpdatedBy, DateTimeOffset? UpdatedAt);
