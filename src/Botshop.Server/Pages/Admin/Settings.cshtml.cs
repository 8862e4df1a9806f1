using Botshop.Server.Admin;
using Botshop.Server.Admin.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin;

/// <summary>The settings in force (read-only; they are changed in configuration). Admins only.</summary>
[Authorize(Policy = AdminPolicies.Admin)]
public sealed class SettingsModel(SettingsReport report) : PageModel
{
    public IReadOnlyList<SettingLine> Lines { get; private set; } = [];

    public void OnGet() => Lines = report.Lines();
}
