using System.ComponentModel.DataAnnotations;
using Botshop.Hosting.Accounts;
using Botshop.Server.Admin.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin;

/// <summary>The one workspace page a signed-out visitor may open.</summary>
public sealed class LoginModel(AccountService accounts) : PageModel
{
    [BindProperty, Required, StringLength(64)]
    public string UserName { get; set; } = "";

    [BindProperty, Required, StringLength(AccountRules.MaxPasswordLength), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(LocalReturnUrl.Resolve(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = ModelState.IsValid ? await accounts.SignInAsync(UserName, Password, ct) : null;
        if (result?.User is not { } user)
        {
            Error = SignInOutcome.RefusedMessage;
            Password = "";
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AdminPrincipal.For(user));
        return LocalRedirect(LocalReturnUrl.Resolve(ReturnUrl));
    }
}
