using System.Text.RegularExpressions;

namespace Botshop.Hosting.Accounts;

/// <summary>What a user name, display name and password must look like; each check returns the reason or null.</summary>
public static partial class AccountRules
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;
    public const int MaxDisplayNameLength = 100;

    public static string? CheckUserName(string userName) =>
        UserNamePattern().IsMatch(userName.Trim().ToLowerInvariant())
            ? null
            : "a user name is 2 to 64 characters: letters, digits, '.', '_', '-' or '@', starting with a letter or digit.";

    // Length is what makes a password strong against guessing; composition rules mostly make it harder to remember.
    public static string? CheckPassword(string password)
    {
        if (password.Length < MinPasswordLength) return $"a password needs at least {MinPasswordLength} characters.";
        if (password.Length > MaxPasswordLength) return $"a password has at most {MaxPasswordLength} characters.";
        if (string.IsNullOrWhiteSpace(password)) return "a password cannot be only spaces.";
        return null;
    }

    public static string? CheckDisplayName(string displayName)
    {
        if (displayName.Length > MaxDisplayNameLength) return $"a display name has at most {MaxDisplayNameLength} characters.";
        if (displayName.Any(char.IsControl)) return "a display name cannot contain control characters.";
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._@-]{1,63}$")]
    private static partial Regex UserNamePattern();
}
