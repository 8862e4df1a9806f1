using System.Security.Claims;
using Botshop.Core.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Botshop.Server.Admin.SignIn;

/// <summary>What the sign-in cookie carries: the user name, display name, role and the security stamp it was issued under.</summary>
public static class AdminPrincipal
{
    public const string StampClaim = "botshop:stamp";
    public const string DisplayNameClaim = "botshop:display";

    public static ClaimsPrincipal For(UserAccount user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(DisplayNameClaim, user.DisplayName),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(StampClaim, user.SecurityStamp),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
}
