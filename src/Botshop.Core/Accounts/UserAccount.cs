namespace Botshop.Core.Accounts;

/// <summary>A recruiter's or admin's account for the workspace, as stored.</summary>
/// <param name="UserName">The sign-in name, lower-case.</param>
/// <param name="PasswordHash">In ASP.NET Core Identity's password hasher format; never shown.</param>
/// <param name="SecurityStamp">Changes when the password, role or enabled state changes, ending older sessions.</param>
public sealed record UserAccount(
    long Id,
    string UserName,
    string DisplayName,
    string Role,
    bool Disabled,
    int FailedAttempts,
    DateTimeOffset? LockoutUntil,
    string SecurityStamp,
    DateTimeOffset CreatedAt,
    string PasswordHash)
{
    public bool IsLockedOut(DateTimeOffset now) => LockoutUntil > now;
}
