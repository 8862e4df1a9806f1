using Botshop.Storage.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>Workspace accounts for both executables: the store, the sign-in rules (section "Admin") and the audited changes.</summary>
    public static IServiceCollection AddBotshopAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>());
        services.AddSingleton<UserStore>();
        services.AddSingleton<AccountService>();
        return services;
    }
}
