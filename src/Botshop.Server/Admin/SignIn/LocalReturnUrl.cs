namespace Botshop.Server.Admin.SignIn;

/// <summary>Where to go after signing in: only a path of this workspace, never another site (no open redirect).</summary>
public static class LocalReturnUrl
{
    public const string Home = "/admin";

    public static string Resolve(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048) return Home;
        // "//host" and "/\host" are other sites to a browser; only "/admin" and paths below it are ours.
        if (returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal)) return Home;
        if (returnUrl.Any(char.IsControl)) return Home;
        var path = returnUrl.Split('?', '#')[0];
        return path.Equals(Home, StringComparison.OrdinalIgnoreCase) || path.StartsWith(Home + "/", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : Home;
    }
}
