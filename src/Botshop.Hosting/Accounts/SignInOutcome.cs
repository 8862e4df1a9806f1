using Botshop.Core.Accounts;

namespace Botshop.Hosting.Accounts;

/// <summary>
/// The outcome of a sign-in. <see cref="Refusal"/> is for logs and tests only: whoever answers the person signing in
/// says the same thing for every refusal, so an attacker cannot tell a wrong name from a wrong password or a lockout.
/// </summary>
public sealed record SignInOutcome(UserAccount? User, SignInRefusal? Refusal)
{
    public bool Succeeded => User is not null;

    /// <summary>The one message shown for every refusal.</summary>
    public const string RefusedMessage = "Wrong user name or password, or the account is locked for now. Try again later or ask an admin.";
}

public enum SignInRefusal { UnknownUser, WrongPassword, LockedOut, Disabled }

/// <summary>The outcome of an account change: done, or the reason it was not made (shown to the admin who asked).</summary>
public sealed record AccountResult(string? Error)
{
    public static readonly AccountResult Ok = new((string?)null);

    public bool Succeeded => Error is null;

    public static AccountResult Fail(string error) => new(error);
}
