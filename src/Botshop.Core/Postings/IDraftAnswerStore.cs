namespace Botshop.Core.Postings;

/// <summary>Draft answers (answers.status = 'draft'): stored beside live answers, never served.</summary>
public interface IDraftAnswerStore
{
    /// <summary>
    /// Replaces the posting's drafts with these, in one transaction. A draft for an intent that meanwhile got a live
    /// answer for the posting is skipped. Returns the drafts stored.
    /// </summary>
    Task<IReadOnlyList<DraftAnswer>> ReplaceAsync(string postingId, IReadOnlyList<DraftAnswer> drafts, string actor, CancellationToken ct);

    Task<IReadOnlyList<StoredDraft>> ListAsync(string? postingId, CancellationToken ct);

    /// <summary>Makes the draft live with this text. False when there is no such draft (approved or discarded meanwhile).</summary>
    Task<bool> ApproveAsync(string intent, string postingId, string text, string actor, CancellationToken ct);

    /// <summary>Deletes the draft. False when there is no such draft.</summary>
    Task<bool> DiscardAsync(string intent, string postingId, CancellationToken ct);
}
