using Botshop.Core.Privacy;
using Botshop.Hosting.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Privacy;

/// <summary>
/// Forgets the candidate behind a logged question (?messageId=) or a conversation (?conversationId=): GET asks for
/// confirmation, POST deletes and is audited. Other pages link or post here.
/// </summary>
public sealed class ForgetModel(ICandidateRecords records, CandidatePrivacy privacy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? MessageId { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? ConversationId { get; set; }

    public CandidateErasure? Erased { get; private set; }

    public string? Problem { get; private set; }

    public string Subject => MessageId is { } m ? $"message/{m}" : $"conversation/{ConversationId}";

    public IActionResult OnGet() => MessageId is null && ConversationId is null ? BadRequestPage("Say which question or conversation: ?messageId= or ?conversationId=.") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (MessageId is null && ConversationId is null) return BadRequestPage("Say which question or conversation: ?messageId= or ?conversationId=.");
        var userRef = MessageId is { } message
            ? await records.AskerOfMessageAsync(message, ct)
            : await records.StarterOfConversationAsync(ConversationId!.Value, ct);
        if (userRef is null)
        {
            Problem = $"There is no candidate behind {Subject}: it was deleted already, or never had one.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Erased = await privacy.ForgetAsync(userRef, User.Identity!.Name!, Subject, ct);
        return Page();
    }

    private PageResult BadRequestPage(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
