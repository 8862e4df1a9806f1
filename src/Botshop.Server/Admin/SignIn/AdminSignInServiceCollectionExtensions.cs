using Botshop.Server.Health;
using Botshop.Storage.Conversations;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Admin.SignIn;

public static class AdminSignInServiceCollectionExtensions
{
    /// <summary>
    /// Sign-in for the workspace: the anonymous sign-in page, sessions checked against the stored account on each
    /// request, and the bootstrap admin created at start. Accounts themselves come from AddBotshopCore.
    /// </summary>
    public static IServiceCollection AddAdminSignIn(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AllowAnonymousToPage("/Admin/Login"));
        services.AddSingleton<AdminCookieEvents>();
        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
            o => o.EventsType = typeof(AdminCookieEvents));
        services.AddSingleton<IStartupStep, BootstrapAdminStep>();
        return services;
    }

    /// <summary>The read side of the conversation log the workspace pages show.</summary>
    public static IServiceCollection AddAdminConversations(this IServiceCollection services)
    {
        services.AddSingleton<ConversationQuery>();
        services.AddSingleton<OverviewQuery>();
        services.AddSingleton<Settings.SettingsReport>();
        return services;
    }
}
