using Botshop.Core.Knowledge;
using Botshop.Core.Postings;

namespace Botshop.Hosting.Postings;

/// <summary>
/// A document to add or update a posting with. <see cref="Title"/> and <see cref="Locations"/> play the part of
/// NAME.meta.yaml: null takes them from the document.
/// </summary>
public sealed record PostingUpload(string FileName, byte[] Content, string? Title = null, IReadOnlyList<string>? Locations = null);

/// <summary>What an upload did: the posting as now served, what changed, the answers it made stale, the drafts proposed.</summary>
public sealed record PostingUploadResult(
    Posting Posting,
    bool Created,
    IReadOnlyList<string> AddedPassageIds,
    IReadOnlyList<string> RemovedPassageIds,
    IReadOnlyList<StaleAnswer> StaleAnswers,
    IReadOnlyList<DraftAnswer> Drafts);
