using Botshop.Server.Admin.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Botshop.Server.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>
    /// The recruiter workspace: Razor Pages under /admin behind cookie sign-in. Every page in Pages/Admin needs a
    /// signed-in recruiter unless it opts out explicitly (the sign-in page); Razor Pages validate anti-forgery
    /// tokens on every form post.
    /// </summary>
    public static IServiceCollection AddBotshopAdmin(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", AdminPolicies.Recruiter);
        });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "botshop.admin";
                o.Cookie.Path = "/admin";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/admin/login";
                o.LogoutPath = "/admin/logout";
                o.AccessDeniedPath = "/admin/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicies.Recruiter, p => p.RequireRole(AdminPolicies.RecruiterRole, AdminPolicies.AdminRole))
            .AddPolicy(AdminPolicies.Admin, p => p.RequireRole(AdminPolicies.AdminRole));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "botshop.antiforgery";
            o.Cookie.Path = "/admin";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAdminSignIn().AddAdminConversations();
        return services;
    }
}
