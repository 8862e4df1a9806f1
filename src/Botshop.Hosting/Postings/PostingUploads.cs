using System.Text;
using Botshop.Core.Audit;
using Botshop.Core.Knowledge;
using Botshop.Core.Postings;
using Botshop.Knowledge;
using Botshop.Knowledge.Postings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Postings;

/// <summary>
/// Adds or updates a posting from an uploaded document: parsed by the same code as data/postings, saved with its
/// passages in one transaction, served at once, audited. A posting no answer covers gets draft answers proposed.
/// </summary>
public sealed partial class PostingUploads(
    IPostingStore postings,
    IDraftAnswerStore drafts,
    KnowledgeRefresher refresh,
    IAuditLog audit,
    IOptions<PostingUploadOptions> options,
    ILogger<PostingUploads> logger)
{
    /// <summary>Who proposes drafts, in answers.updated_by and the audit log.</summary>
    public const string SystemActor = "system";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <exception cref="KnowledgeDataException">The document cannot be a posting: too large, not UTF-8 text, empty, nothing to quote.</exception>
    public async Task<PostingUploadResult> UploadAsync(PostingUpload upload, string actor, CancellationToken ct)
    {
        var posting = Parse(upload);
        var change = await postings.SaveAsync(posting, posting.Source!, ct);
        var knowledge = await refresh.RefreshAsync(ct);
        var served = knowledge.FindPosting(posting.Id) ?? throw new InvalidOperationException($"Posting {posting.Id} was saved but does not load.");

        IReadOnlyList<StaleAnswer> stale = [];
        if (change.RemovedPassageIds.Count > 0)
            stale = StaleCitations.Find(knowledge, posting.Id, await postings.FormerPassagesAsync(posting.Id, ct));
        var proposed = await ProposeDraftsAsync(knowledge, served, change, ct);

        await audit.RecordAsync(actor, change.Created ? "posting.create" : "posting.update", Subject(posting.Id), new
        {
            source = posting.Source!.FileName,
            posting.Title,
            posting.Locations,
            posting.ContentHash,
            passages = posting.Passages.Count,
            added = change.AddedPassageIds,
            removed = change.RemovedPassageIds,
            staleAnswers = stale.Select(s => s.Intent),
        }, ct);
        LogSaved(posting.Id, change.Created, posting.Passages.Count, change.RemovedPassageIds.Count, stale.Count, proposed.Count);
        return new PostingUploadResult(served, change.Created, change.AddedPassageIds, change.RemovedPassageIds, stale, proposed);
    }

    public static string Subject(string postingId) => "posting/" + postingId;

    private Posting Parse(PostingUpload upload)
    {
        var name = string.IsNullOrWhiteSpace(upload.FileName) ? "(unnamed)" : Path.GetFileName(upload.FileName);
        if (upload.Content.Length > MaxBytes)
            throw new KnowledgeDataException($"{name}: the document is {upload.Content.Length:N0} bytes; the limit is {MaxBytes:N0}.");
        string text;
        try { text = StrictUtf8.GetString(upload.Content); }
        catch (DecoderFallbackException) { throw new KnowledgeDataException($"{name}: the document is not UTF-8 text (save it as UTF-8 HTML or text)."); }
        if (text.Contains('\0')) throw new KnowledgeDataException($"{name}: the document is not text (is it a PDF or Word file?).");

        var locations = upload.Locations?.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var meta = new PostingMetadata
        {
            Title = string.IsNullOrWhiteSpace(upload.Title) ? null : upload.Title.Trim(),
            Locations = locations is { Count: > 0 } ? locations : null,
        };
        return PostingLoader.FromUpload(name, text, meta);
    }

    /// <summary>
    /// A posting with no live answer gets its drafts (re)proposed; one that is answered keeps its drafts unless a
    /// draft cites a passage the update removed, which could no longer be approved as it stands.
    /// </summary>
    private async Task<IReadOnlyList<DraftAnswer>> ProposeDraftsAsync(KnowledgeBase knowledge, Posting posting, PostingChange change, CancellationToken ct)
    {
        var answered = knowledge.Intents.Any(i => i.Answers.ContainsKey(posting.Id));
        if (!answered)
        {
            var stored = await drafts.ReplaceAsync(posting.Id, DraftAnswerer.Draft(knowledge, posting), SystemActor, ct);
            if (stored.Count > 0)
                await audit.RecordAsync(SystemActor, "answer.draft", Subject(posting.Id),
                    stored.Select(d => new { intent = d.Intent, sources = d.SourceIds, score = d.Score, basedOn = d.BasedOn }), ct);
            return stored;
        }
        if (change.RemovedPassageIds.Count == 0) return [];
        foreach (var draft in await drafts.ListAsync(posting.Id, ct))
        {
            if (draft.SourceIds.All(id => posting.FindPassage(id) is not null)) continue;
            if (await drafts.DiscardAsync(draft.Intent, posting.Id, ct))
                await audit.RecordAsync(SystemActor, "answer.draft.discard", DraftReview.Subject(draft.Intent, posting.Id),
                    new { reason = "cites a passage the posting update removed", sources = draft.SourceIds }, ct);
        }
        return [];
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Posting {PostingId} saved (new: {Created}): {Passages} passages, {Removed} removed, {Stale} answers stale, {Drafts} drafts proposed")]
    private partial void LogSaved(string postingId, bool created, int passages, int removed, int stale, int drafts);
}
