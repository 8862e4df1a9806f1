using System.Text.RegularExpressions;
using Botshop.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Botshop.Server.Tests.Browser;

/// <summary>Chromium against a server with the bootstrap admin and two postings.</summary>
public class AdminBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string>? ServerSettings => AdminSession.BootstrapSettings(MoreSettings);
    protected override TestData Data => TestData.TwoPostings;

    /// <summary>Settings beyond the bootstrap admin's, for a subclass.</summary>
    protected virtual IReadOnlyDictionary<string, string>? MoreSettings => null;

    /// <summary>A page in its own browser context, signed in as the bootstrap admin and showing <paramref name="path"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string path)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Server.BaseUri, path).ToString());
        await SignInAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/" + path) + "$"));
        return page;
    }

    /// <summary>Fills and submits the sign-in form the page shows, as the bootstrap admin.</summary>
    public static async Task SignInAsync(IPage page)
    {
        await page.GetByLabel("User name").FillAsync(AdminSession.AdminUser);
        await page.GetByLabel("Password").FillAsync(AdminSession.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
