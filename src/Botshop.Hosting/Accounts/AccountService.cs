using System.Security.Cryptography;
using Botshop.Core.Accounts;
using Botshop.Core.Audit;
using Botshop.Storage.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Accounts;

/// <summary>
/// Workspace accounts: sign-in with lockout, session checks, and the changes admins and the CLI make (each audited).
/// Passwords are hashed with ASP.NET Core Identity's PasswordHasher (PBKDF2, salted, versioned format).
/// </summary>
public sealed partial class AccountService(
    UserStore users, IAuditLog audit, IOptions<AdminOptions> options, TimeProvider time, ILogger<AccountService> logger)
{
    public const string CliActor = "cli";
    public const string SystemActor = "system";

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Checked against when the name is unknown, so a wrong name costs the same time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken ct)
    {
        var user = AccountRules.CheckUserName(userName) is null ? await users.FindAsync(userName, ct) : null;
        if (user is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            return Refuse(SignInRefusal.UnknownUser);
        }
        var now = time.GetUtcNow();
        var verified = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        // A lockout holds even against the right password: otherwise a guesser would learn when they found it.
        if (user.IsLockedOut(now)) return Refuse(SignInRefusal.LockedOut);
        if (user.Disabled) return Refuse(SignInRefusal.Disabled);
        if (verified == PasswordVerificationResult.Failed)
        {
            var o = options.Value;
            if (await users.RecordFailedSignInAsync(user.Id, o.LockoutAttempts, now, now + o.LockoutDuration, ct) is { } until)
            {
                LogLockedOut(o.LockoutAttempts, until);
                await audit.RecordAsync(SystemActor, "user.lockout", user.UserName, new { until, attempts = o.LockoutAttempts }, ct);
            }
            return Refuse(SignInRefusal.WrongPassword);
        }
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
            await users.RehashPasswordAsync(user.Id, Hasher.HashPassword(user, password), ct);
        if (user.FailedAttempts > 0 || user.LockoutUntil is not null) await users.RecordSignInAsync(user.Id, ct);
        return new SignInOutcome(user, null);
    }

    /// <summary>The account behind a session, or null when the session must end (disabled, password or role changed).</summary>
    public async Task<UserAccount?> ValidateSessionAsync(string userName, string securityStamp, CancellationToken ct)
    {
        var user = await users.FindAsync(userName, ct);
        return user is { Disabled: false } && user.SecurityStamp == securityStamp ? user : null;
    }

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct) => users.ListAsync(ct);

    public Task<UserAccount?> FindAsync(string userName, CancellationToken ct) => users.FindAsync(userName, ct);

    public async Task<AccountResult> CreateAsync(string actor, string userName, string? displayName, string role, string password, CancellationToken ct)
    {
        var display = string.IsNullOrWhiteSpace(displayName) ? UserStore.Normalize(userName) : displayName.Trim();
        var error = AccountRules.CheckUserName(userName) ?? AccountRules.CheckDisplayName(display) ?? AccountRules.CheckPassword(password)
            ?? (UserRoles.IsValid(role) ? null : $"the role is \"{UserRoles.Admin}\" or \"{UserRoles.Recruiter}\".");
        if (error is not null) return AccountResult.Fail(error);
        var name = UserStore.Normalize(userName);
        var created = await users.CreateAsync(new NewUserAccount(name, display, role, Hasher.HashPassword(null!, password)),
            time.GetUtcNow(), onlyIfNone: false, ct);
        if (!created) return AccountResult.Fail($"there is already a user named \"{name}\".");
        await audit.RecordAsync(actor, "user.add", name, new { role, displayName = display }, ct);
        LogCreated(role);
        return AccountResult.Ok;
    }

    public async Task<AccountResult> SetPasswordAsync(string actor, string userName, string password, CancellationToken ct)
    {
        if (AccountRules.CheckPassword(password) is { } error) return AccountResult.Fail(error);
        if (!await users.SetPasswordHashAsync(userName, Hasher.HashPassword(null!, password), ct)) return NoSuchUser(userName);
        await audit.RecordAsync(actor, "user.password", UserStore.Normalize(userName), null, ct);
        return AccountResult.Ok;
    }

    public async Task<AccountResult> SetRoleAsync(string actor, string userName, string role, CancellationToken ct)
    {
        if (!UserRoles.IsValid(role)) return AccountResult.Fail($"the role is \"{UserRoles.Admin}\" or \"{UserRoles.Recruiter}\".");
        return await AuditedAsync(await users.SetRoleAsync(userName, role, ct), actor, "user.role", userName, new { role }, ct);
    }

    public async Task<AccountResult> SetDisabledAsync(string actor, string userName, bool disabled, CancellationToken ct) =>
        await AuditedAsync(await users.SetDisabledAsync(userName, disabled, ct), actor, disabled ? "user.disable" : "user.enable", userName, null, ct);

    public async Task<AccountResult> UnlockAsync(string actor, string userName, CancellationToken ct)
    {
        if (!await users.UnlockAsync(userName, ct)) return NoSuchUser(userName);
        await audit.RecordAsync(actor, "user.unlock", UserStore.Normalize(userName), null, ct);
        return AccountResult.Ok;
    }

    /// <summary>Creates the configured bootstrap admin when no account exists yet. True when it did.</summary>
    public async Task<bool> EnsureBootstrapAdminAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.BootstrapUser) || string.IsNullOrEmpty(o.BootstrapPassword)) return false;
        var name = UserStore.Normalize(o.BootstrapUser);
        var created = await users.CreateAsync(new NewUserAccount(name, name, UserRoles.Admin, Hasher.HashPassword(null!, o.BootstrapPassword)),
            time.GetUtcNow(), onlyIfNone: true, ct);
        if (!created) return false;
        await audit.RecordAsync(SystemActor, "user.add", name, new { role = UserRoles.Admin, bootstrap = true }, ct);
        LogBootstrapped();
        return true;
    }

    private async Task<AccountResult> AuditedAsync(UserUpdate update, string actor, string action, string userName, object? detail, CancellationToken ct)
    {
        switch (update)
        {
            case UserUpdate.NotFound:
                return NoSuchUser(userName);
            case UserUpdate.LastAdmin:
                return AccountResult.Fail("this is the last enabled admin: make another admin first.");
        }
        await audit.RecordAsync(actor, action, UserStore.Normalize(userName), detail, ct);
        return AccountResult.Ok;
    }

    private static AccountResult NoSuchUser(string userName) => AccountResult.Fail($"there is no user named \"{UserStore.Normalize(userName)}\".");

    private SignInOutcome Refuse(SignInRefusal reason)
    {
        LogRefused(reason);
        return new SignInOutcome(null, reason);
    }

    // No names in logs: a recruiter's user name is personal data, and the audit log already says who.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused: {Reason}")]
    private partial void LogRefused(SignInRefusal reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An account was locked after {Attempts} failed sign-ins, until {Until}")]
    private partial void LogLockedOut(int attempts, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account created with role {Role}")]
    private partial void LogCreated(string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "No account existed: created the bootstrap admin from Admin:BootstrapUser")]
    private partial void LogBootstrapped();
}
