using Botshop.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Botshop.Server.Tests.Browser;

/// <summary>
/// The real server and Debian's headless Chromium driven by Playwright. Playwright's own browser downloads are never
/// used (no internet): a missing /usr/bin/chromium fails the tests with the install command, it never skips them.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public ServerProcess Server { get; private set; } = null!;

    /// <summary>Environment settings and data for the server: a subclass may start it differently.</summary>
    protected virtual IReadOnlyDictionary<string, string>? ServerSettings => null;
    protected virtual TestData Data => TestData.OnePosting;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}; the web chat browser tests need it. Install it: apt-get update && apt-get install -y chromium");
        Server = await ServerProcess.StartAsync(ServerSettings, Data);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh page in its own context: its own sessionStorage, so its own web chat conversation.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 700 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Server.BaseUri.ToString());
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}
