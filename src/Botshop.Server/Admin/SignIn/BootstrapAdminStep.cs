using Botshop.Hosting.Accounts;
using Botshop.Server.Health;

namespace Botshop.Server.Admin.SignIn;

/// <summary>Creates the admin named by Admin:BootstrapUser once the store is ready, if there is no account at all.</summary>
public sealed class BootstrapAdminStep(AccountService accounts) : IStartupStep
{
    public Task RunAsync(CancellationToken ct) => accounts.EnsureBootstrapAdminAsync(ct);
}
