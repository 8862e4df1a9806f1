using Botshop.Core.Knowledge;

namespace Botshop.Core.Postings;

/// <summary>Postings added or updated one at a time (an upload), beside the whole-knowledge import.</summary>
public interface IPostingStore
{
    /// <summary>
    /// Inserts the posting or updates it, replacing its passages, in one transaction. Answers and examples are left as
    /// they are: an answer citing a passage that is gone is stale until a recruiter fixes it. Removed passages are kept
    /// as former passages, for suggestions.
    /// </summary>
    Task<PostingChange> SaveAsync(Posting posting, PostingSource source, CancellationToken ct);

    /// <summary>Source and last change of every posting in the store (null source when it predates keeping sources).</summary>
    Task<IReadOnlyList<PostingRecord>> ListAsync(CancellationToken ct);

    /// <summary>The documents postings were parsed from, by posting id; postings with none stored are left out.</summary>
    Task<IReadOnlyDictionary<string, PostingSource>> SourcesAsync(CancellationToken ct);

    /// <summary>Passages updates removed, by posting id: what a stale citation used to say.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Passage>>> FormerPassagesAsync(string? postingId, CancellationToken ct);
}

/// <summary>What saving a posting changed.</summary>
public sealed record PostingChange(bool Created, IReadOnlyList<string> AddedPassageIds, IReadOnlyList<string> RemovedPassageIds);

public sealed record PostingRecord(string Id, string? SourceName, DateTimeOffset? UpdatedAt);
