using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Accounts;

/// <summary>Refuses a start with sign-in settings that cannot work, saying which key is wrong.</summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions o)
    {
        var errors = new List<string>();
        if (o.LockoutAttempts is < 1 or > 100) errors.Add("Admin:LockoutAttempts must be between 1 and 100.");
        if (o.LockoutMinutes is < 1 or > 7 * 24 * 60) errors.Add("Admin:LockoutMinutes must be between 1 and 10080 (a week).");
        if (o.LowConfidence is < 0 or > 1) errors.Add("Admin:LowConfidence must be between 0 and 1.");
        var user = string.IsNullOrWhiteSpace(o.BootstrapUser) ? null : o.BootstrapUser;
        var password = string.IsNullOrEmpty(o.BootstrapPassword) ? null : o.BootstrapPassword;
        if ((user is null) != (password is null))
            errors.Add("Admin:BootstrapUser and Admin:BootstrapPassword go together: set both or neither.");
        if (user is not null && AccountRules.CheckUserName(user) is { } nameError) errors.Add($"Admin:BootstrapUser: {nameError}");
        if (password is not null && AccountRules.CheckPassword(password) is { } passwordError) errors.Add($"Admin:BootstrapPassword: {passwordError}");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
