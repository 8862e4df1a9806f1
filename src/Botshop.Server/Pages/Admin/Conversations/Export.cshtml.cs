using Botshop.Server.Admin.Conversations;
using Botshop.Storage.Conversations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Conversations;

/// <summary>The filtered view as CSV: every page of it, streamed as it is read.</summary>
public sealed class ExportModel(ConversationQuery query, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] ConversationFilterForm form, CancellationToken ct)
    {
        var (filter, error) = ModelState.IsValid ? form.ToFilter() : (null, "from, to and below must be a date (yyyy-mm-dd) and a number.");
        if (filter is null)
            return new ObjectResult(new ProblemDetails { Status = 400, Title = "Invalid export filter", Detail = error }) { StatusCode = 400 };

        var name = $"conversations-{time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}.csv";
        Response.ContentType = ConversationCsv.ContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await ConversationCsv.WriteAsync(Response.Body, query.ExportAsync(filter, ct), ct);
        return new EmptyResult();
    }
}
