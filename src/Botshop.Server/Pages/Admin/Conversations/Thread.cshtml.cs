using Botshop.Storage.Conversations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Conversations;

/// <summary>One conversation: each question with the intent, confidence and cited passages behind its reply.</summary>
public sealed class ThreadModel(ConversationQuery query) : PageModel
{
    public ConversationThread Thread { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, long? before, CancellationToken ct)
    {
        if (before is <= 0) return BadRequest("before is a message id.");
        var thread = await query.ThreadAsync(id, before, ct);
        if (thread is null) return NotFound();
        Thread = thread;
        return Page();
    }
}
