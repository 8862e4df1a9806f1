using Botshop.Core.Accounts;
using Botshop.Hosting.Accounts;
using Botshop.Server.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin;

/// <summary>Accounts: add, change role, disable or enable, unlock, set a password. Admins only; every change audited.</summary>
[Authorize(Policy = AdminPolicies.Admin)]
public sealed class UsersModel(AccountService accounts, TimeProvider time) : PageModel
{
    public IReadOnlyList<UserAccount> Users { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Error { get; set; }

    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string Role { get; set; } = UserRoles.Recruiter;
    [BindProperty] public string Password { get; set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await accounts.ListAsync(ct);
        Now = time.GetUtcNow();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        Done(await accounts.CreateAsync(Actor, UserName, DisplayName, Role, Password, ct), $"Added {UserName.Trim().ToLowerInvariant()}.");

    public async Task<IActionResult> OnPostRoleAsync(CancellationToken ct) =>
        Done(await accounts.SetRoleAsync(Actor, UserName, Role, ct), $"{UserName} is now {Role}; their sessions ended.");

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        Done(await accounts.SetDisabledAsync(Actor, UserName, disabled: true, ct), $"Disabled {UserName}; their sessions ended.");

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct) =>
        Done(await accounts.SetDisabledAsync(Actor, UserName, disabled: false, ct), $"Enabled {UserName}.");

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) =>
        Done(await accounts.UnlockAsync(Actor, UserName, ct), $"Unlocked {UserName}.");

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct) =>
        Done(await accounts.SetPasswordAsync(Actor, UserName, Password, ct), $"Set a new password for {UserName}; their sessions ended.");

    private string Actor => User.Identity!.Name!;

    // Post, then redirect: a reload never repeats a change.
    private RedirectToPageResult Done(AccountResult result, string message)
    {
        if (result.Succeeded) Message = message;
        else Error = "Not done: " + result.Error;
        return RedirectToPage();
    }
}
