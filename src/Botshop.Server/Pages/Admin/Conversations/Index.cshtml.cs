using Botshop.Core.Answering;
using Botshop.Server.Admin.Conversations;
using Botshop.Storage.Conversations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Conversations;

/// <summary>Every logged question, newest first, filtered; 50 a page with "Older"/"Newer" keyset links.</summary>
public sealed class IndexModel(ConversationQuery query, LiveKnowledge knowledge) : PageModel
{
    public ConversationFilterForm Form { get; private set; } = new();
    public MessagePage? Results { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<(string Id, string Title)> Postings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] ConversationFilterForm form, CancellationToken ct)
    {
        Form = form;
        Postings = knowledge.Current?.Postings.Select(p => (p.Id, p.Title)).ToList() ?? [];
        var (filter, filterError) = form.ToFilter();
        var (cursor, direction, positionError) = form.ToPosition();
        Error = BindingError() ?? filterError ?? positionError;
        if (Error is not null || filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Results = await query.ListAsync(filter, cursor, direction, ConversationQuery.DefaultPageSize, ct);
        return Page();
    }

    /// <summary>A value that did not even parse (a date, a number): name the field rather than echo the input.</summary>
    private string? BindingError() =>
        ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).FirstOrDefault() is { } field
            ? $"{field.ToLowerInvariant()} is not valid here (dates are yyyy-mm-dd, below is a number such as 0.5)."
            : null;
}
