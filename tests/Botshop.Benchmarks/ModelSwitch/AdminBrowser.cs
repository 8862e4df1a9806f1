using System.Net;
using System.Text.RegularExpressions;

namespace Botshop.Benchmarks.ModelSwitch;

/// <summary>
/// The recruiter workspace as a browser drives it: keeps the sign-in cookie, does not follow redirects, and posts each
/// form with the anti-forgery token of the page that showed it.
/// </summary>
public sealed partial class AdminBrowser : IDisposable
{
    public const string User = "bench-admin";
    public const string Password = "correct horse battery staple";

    private readonly HttpClient _client;

    private AdminBrowser(Uri server) =>
        _client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>Server settings that create the account this browser signs in with (while the store has none).</summary>
    public static IEnumerable<KeyValuePair<string, string>> BootstrapSettings =>
        [new("Admin__BootstrapUser", User), new("Admin__BootstrapPassword", Password)];

    public static async Task<AdminBrowser> SignInAsync(Uri server)
    {
        var browser = new AdminBrowser(server);
        using var response = await browser.PostFormAsync("admin/login", new() { ["UserName"] = User, ["Password"] = Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"signing in was refused: HTTP {(int)response.StatusCode}");
        return browser;
    }

    /// <summary>Loads the form page (the confirmation a recruiter sees), then posts it; <paramref name="beforePost"/> runs just before the POST.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string>? fields = null, Action? beforePost = null)
    {
        var html = await _client.GetStringAsync(path);
        var token = TokenInput().Match(html);
        if (!token.Success) throw new InvalidOperationException($"GET {path} has no anti-forgery token in a form");
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token.Groups[1].Value };
        beforePost?.Invoke();
        return await _client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public void Dispose() => _client.Dispose();

    // ASP.NET Core renders the hidden input as name, type, value, in that order.
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
