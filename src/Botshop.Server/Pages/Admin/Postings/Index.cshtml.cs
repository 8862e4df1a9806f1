using Botshop.Hosting.Postings;
using Botshop.Knowledge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Postings;

/// <summary>The postings with their answer coverage, stale answers and drafts; uploading a new or updated posting.</summary>
public sealed class IndexModel(PostingWorkspace workspace, PostingUploads uploads) : PageModel
{
    public IReadOnlyList<PostingSummary> Postings { get; private set; } = [];
    public string? Error { get; private set; }
    public long MaxBytes => uploads.MaxBytes;

    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public string? Title { get; set; }
    /// <summary>One location a line, as NAME.meta.yaml lists them; empty takes them from the document.</summary>
    [BindProperty] public string? Locations { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Postings = await workspace.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Document is null || Document.Length == 0)
            return await RefuseAsync(StatusCodes.Status400BadRequest, "Choose an HTML or text file to upload.", ct);
        if (Document.Length > uploads.MaxBytes)
            return await RefuseAsync(StatusCodes.Status413PayloadTooLarge, $"{Document.FileName}: the document is {Document.Length:N0} bytes; the limit is {uploads.MaxBytes:N0}.", ct);

        using var buffer = new MemoryStream((int)Document.Length);
        await Document.CopyToAsync(buffer, ct);
        var lines = Locations?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var result = await uploads.UploadAsync(new PostingUpload(Document.FileName, buffer.ToArray(), Title, lines), User.Identity!.Name!, ct);
            TempData[DetailModel.UploadedMessage] = UploadSummary.Describe(result);
            return RedirectToPage("Detail", new { id = result.Posting.Id });
        }
        catch (KnowledgeDataException e)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, e.Message, ct);
        }
    }

    private async Task<IActionResult> RefuseAsync(int status, string reason, CancellationToken ct)
    {
        Error = reason;
        Response.StatusCode = status;
        Postings = await workspace.ListAsync(ct);
        return Page();
    }
}
