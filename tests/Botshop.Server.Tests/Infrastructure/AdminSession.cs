using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Botshop.Server.Tests.Infrastructure;

/// <summary>
/// A browser-like client of the recruiter workspace: keeps cookies, does not follow redirects, and posts forms with the
/// anti-forgery token the page handed out, as a browser would. Start the server with <see cref="BootstrapSettings"/>
/// (or <see cref="StartServerAsync"/>) so the bootstrap admin exists, then <see cref="SignInAsync"/>.
/// </summary>
public sealed class AdminSession : IDisposable
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "correct horse battery staple";
    public const string TokenField = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    private readonly ServerProcess _server;

    private AdminSession(ServerProcess server)
    {
        _server = server;
        var handler = ClientHandler.FromAddress(ServerProcess.ClientAddress);
        handler.UseCookies = true;
        handler.CookieContainer = new CookieContainer();
        handler.AllowAutoRedirect = false;
        Client = new HttpClient(handler) { BaseAddress = server.BaseUri };
    }

    public HttpClient Client { get; }

    /// <summary>Environment settings that make the server create the bootstrap admin.</summary>
    public static Dictionary<string, string> BootstrapSettings(IReadOnlyDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string> { ["Admin__BootstrapUser"] = AdminUser, ["Admin__BootstrapPassword"] = AdminPassword };
        foreach (var (key, value) in more ?? new Dictionary<string, string>()) settings[key] = value;
        return settings;
    }

    public static Task<ServerProcess> StartServerAsync(IReadOnlyDictionary<string, string>? more = null, TestData data = TestData.OnePosting) =>
        ServerProcess.StartAsync(BootstrapSettings(more), data);

    /// <summary>A session that has not signed in.</summary>
    public static AdminSession Anonymous(ServerProcess server) => new(server);

    /// <summary>Signs in and fails the test unless the server accepted the credentials.</summary>
    public static async Task<AdminSession> SignInAsync(ServerProcess server, string user = AdminUser, string password = AdminPassword)
    {
        var session = new AdminSession(server);
        using var response = await session.TrySignInAsync(user, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            session.Dispose();
            Assert.Fail($"Signing in as {user} was refused: HTTP {(int)response.StatusCode}");
        }
        return session;
    }

    /// <summary>Posts the sign-in form; a 302 means signed in, a 200 is the form again with the refusal.</summary>
    public async Task<HttpResponseMessage> TrySignInAsync(string user, string password, string? returnUrl = null) =>
        await PostFormAsync(returnUrl is null ? "admin/login" : $"admin/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            new() { ["UserName"] = user, ["Password"] = password });

    /// <summary>GETs a page, failing the test unless it is 200, and parses it.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET {path}: HTTP {(int)response.StatusCode} {response.Headers.Location}\n{html}\n--- server log (end) ---\n{LogTail()}");
        return Parse(html);
    }

    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="path"/> with the anti-forgery token from a GET of
    /// <paramref name="tokenFrom"/> (default: the same path without its query).
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var page = await GetPageAsync(tokenFrom ?? path.Split('?')[0]);
        var token = page.QuerySelector($"input[name={TokenField}]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{tokenFrom ?? path} has no anti-forgery token to post with.");
        return await PostWithoutTokenAsync(path, new Dictionary<string, string>(fields) { [TokenField] = token });
    }

    /// <summary>Posts exactly <paramref name="fields"/>: no token unless the caller put one in.</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string path, Dictionary<string, string> fields) =>
        Client.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>Adds an account through the users page (the session must be an admin's).</summary>
    public async Task AddUserAsync(string user, string password, string role = "recruiter")
    {
        using var response = await PostFormAsync("admin/users?handler=Add",
            new() { ["UserName"] = user, ["Password"] = password, ["Role"] = role }, tokenFrom: "admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var users = await GetPageAsync("admin/users");
        Assert.True(users.QuerySelector($"tr[data-user='{user}']") is not null,
            $"{user} was not added: {users.QuerySelector(".error")?.TextContent}");
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Where a redirect points, as a path and query (the cookie handler sends absolute URLs, pages relative ones).</summary>
    public static string? Location(HttpResponseMessage response) => response.Headers.Location is not { } uri
        ? null
        : uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;

    private string LogTail() => string.Join('\n', _server.Log.Split('\n').TakeLast(40));

    public void Dispose() => Client.Dispose();
}
