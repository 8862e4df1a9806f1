using Botshop.Core.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Models;

/// <summary>/admin/models/{id}: one version's cross-validated report, per intent, most confused pairs and gate verdict.</summary>
public sealed class VersionModel(IModelStore models) : PageModel
{
    public ModelVersion Version { get; private set; } = null!;

    /// <summary>Set after a promotion or rollback redirected here.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Switched { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var stored = await models.GetAsync(id, ct);
        if (stored is null) return NotFound();
        Version = stored.Value.Version;
        return Page();
    }
}
