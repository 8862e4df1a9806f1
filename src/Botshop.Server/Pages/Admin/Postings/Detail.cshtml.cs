using Botshop.Hosting.Postings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Postings;

/// <summary>One posting: its passages, live and stale answers, and draft answers to approve, edit or discard.</summary>
public sealed class DetailModel(PostingWorkspace workspace, DraftReview review) : PageModel
{
    public const string UploadedMessage = "PostingUploaded";

    public PostingDetail Posting { get; private set; } = null!;

    [TempData] public string? Message { get; set; }
    [TempData] public string? Error { get; set; }

    [BindProperty] public string Intent { get; set; } = "";
    [BindProperty] public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await workspace.GetAsync(id, ct) is not { } posting) return NotFound();
        Posting = posting;
        Message ??= TempData[UploadedMessage] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(string id, CancellationToken ct) =>
        Done(await review.ApproveAsync(Intent, id, Text, Actor, ct), $"Approved the answer for {Intent}: it is served now.", id);

    public async Task<IActionResult> OnPostDiscardAsync(string id, CancellationToken ct) =>
        Done(await review.DiscardAsync(Intent, id, Actor, ct), $"Discarded the draft for {Intent}.", id);

    private string Actor => User.Identity!.Name!;

    // Post, then redirect: a reload never repeats a decision.
    private RedirectToPageResult Done(DraftDecision decision, string message, string id)
    {
        if (decision.Succeeded) Message = message;
        else Error = "Not done: " + decision.Error;
        return RedirectToPage(new { id });
    }
}
