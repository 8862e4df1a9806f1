using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin;

/// <summary>Where a signed-in recruiter lands on an admin-only page: a 403 that says so.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
