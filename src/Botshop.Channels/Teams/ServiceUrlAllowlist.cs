namespace Botshop.Channels.Teams;

/// <summary>
/// Decides whether a serviceUrl may receive our token. Prefixes are compared as URLs (scheme, host, port, then path
/// segments), so "https://smba.trafficmanager.net" does not admit "https://smba.trafficmanager.net.evil.example".
/// </summary>
public static class ServiceUrlAllowlist
{
    public static bool IsAllowed(string serviceUrl, IReadOnlyCollection<string> prefixes)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)) return false;
        // Our token must never travel in clear text off this machine.
        if (!TeamsOptionsValidator.IsSecureOrLoopback(url)) return false;
        if (prefixes.Count == 0) return true;
        return prefixes.Any(p => Uri.TryCreate(p, UriKind.Absolute, out var prefix) && Matches(url, prefix));
    }

    private static bool Matches(Uri url, Uri prefix) =>
        url.Scheme == prefix.Scheme
        && string.Equals(url.IdnHost, prefix.IdnHost, StringComparison.OrdinalIgnoreCase)
        && url.Port == prefix.Port
        && WithSlash(url.AbsolutePath).StartsWith(WithSlash(prefix.AbsolutePath), StringComparison.Ordinal);

    private static string WithSlash(string path) => path.EndsWith('/') ? path : path + "/";
}
