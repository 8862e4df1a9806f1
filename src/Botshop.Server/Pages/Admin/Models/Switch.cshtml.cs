using Botshop.Core.Models;
using Botshop.Hosting.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Models;

/// <summary>
/// /admin/models/{id}/promote and /admin/models/{id}/rollback: a confirmation step (GET) and the switch itself
/// (POST, anti-forgery checked), done by <see cref="ModelPromotion"/> and audited under the signed-in user's name.
/// </summary>
public sealed class SwitchModel(IModelStore models, ModelPromotion promotion) : PageModel
{
    public const string Promote = "promote";
    public const string Rollback = "rollback";

    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = Promote;

    public ModelVersion Version { get; private set; } = null!;
    public ModelVersion? Active { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var actor = User.Identity!.Name!;
        try
        {
            if (Kind == Rollback) await promotion.RollbackToAsync(id, actor, ct);
            else await promotion.PromoteAsync(id, actor, ct);
        }
        catch (ModelActionException e)
        {
            Error = e.Message;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        return Redirect($"/admin/models/{id}?switched=true");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var stored = await models.GetAsync(id, ct);
        if (stored is null) return false;
        Version = stored.Value.Version;
        Active = (await models.GetActiveAsync(ct))?.Version;
        if (Error is null && Kind == Rollback && Version.Status != ModelStatus.Promoted)
            Error = $"Version {id} was never promoted ({Version.Status.ToString().ToLowerInvariant()}): promote it instead of rolling back to it.";
        return true;
    }
}
