using Botshop.Hosting.Postings;

namespace Botshop.Server.Pages.Admin.Postings;

/// <summary>The one-line account of an upload shown after it.</summary>
public static class UploadSummary
{
    public static string Describe(PostingUploadResult r) =>
        $"{(r.Created ? "Added" : "Updated")} {r.Posting.Title}: {r.Posting.Passages.Count} passages ({r.AddedPassageIds.Count} new, " +
        $"{r.RemovedPassageIds.Count} removed), {r.StaleAnswers.Count} answers stale, {r.Drafts.Count} draft answers proposed.";
}
