using System.Security.Claims;
using Botshop.Hosting.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Botshop.Server.Admin.SignIn;

/// <summary>
/// Checks every signed-in request against the stored account: a disabled user, a new password or a new role (each
/// renews the security stamp) ends the session on the very next request, on every replica. Checking on each request
/// rather than once a minute costs one lookup on the users table's unique name index per workspace page, which a handful of
/// recruiters never notice, and leaves no window in which a disabled account still works.
/// </summary>
public sealed class AdminCookieEvents(AccountService accounts) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirstValue(AdminPrincipal.StampClaim);
        if (name is not null && stamp is not null
            && await accounts.ValidateSessionAsync(name, stamp, context.HttpContext.RequestAborted) is not null)
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
