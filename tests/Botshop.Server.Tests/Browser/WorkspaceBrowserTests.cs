using System.Globalization;
using System.Text.RegularExpressions;
using Botshop.Server.Tests.Infrastructure;
using CsvHelper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Botshop.Server.Tests.Browser;

/// <summary>The recruiter workspace in a real browser against the real server.</summary>
public sealed class WorkspaceBrowserTests(AdminBrowserFixture browser) : IClassFixture<AdminBrowserFixture>
{
    public const string ScreenshotPath = "/tmp/admin-conversations.png";

    [Fact]
    public async Task Recruiter_signs_in_filters_by_posting_and_declined_opens_the_thread_and_downloads_the_csv()
    {
        // Candidates ask through the web chat API: one conversation on the second posting, another on the first.
        var chat = new ChatClient(browser.Server.CreateClient());
        var conversation = ChatClient.NewConversationId();
        var declined = await chat.AskAsync(conversation, TestKnowledge.OffTopicQuestion, TestKnowledge.SecondPostingId);
        var answered = await chat.AskAsync(conversation, TestKnowledge.DurationQuestion, TestKnowledge.SecondPostingId);
        await chat.AskAsync(ChatClient.NewConversationId(), TestKnowledge.OffTopicQuestion, TestKnowledge.PostingId);
        Assert.Equal(("OutOfScope", "Answered"), ((string?)declined["kind"], (string?)answered["kind"]));
        var declinedId = ((long)declined["messageId"]!).ToString(CultureInfo.InvariantCulture);

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();

        // A signed-out visit goes to the sign-in page, and back to where it was headed after signing in.
        await page.GotoAsync(new Uri(browser.Server.BaseUri, "admin/conversations").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/admin/login\\?ReturnUrl="));
        await AdminBrowserFixture.SignInAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex("/admin/conversations$"));

        await page.SelectOptionAsync("select[name=posting]", TestKnowledge.SecondPostingId);
        await page.SelectOptionAsync("select[name=outcome]", "declined");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var rows = page.Locator("tr[data-message]");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-message", declinedId);
        await Expect(rows.First.Locator("td.question")).ToHaveTextAsync(TestKnowledge.OffTopicQuestion);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        using (var reader = new StreamReader(await download.PathAsync()))
        using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
        {
            var row = Assert.Single(csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>());
            Assert.Equal((declinedId, TestKnowledge.SecondPostingId, TestKnowledge.OffTopicQuestion, "OutOfScope"),
                ((string)row["message_id"], (string)row["posting"], (string)row["question"], (string)row["reply_kind"]));
        }

        // The thread: both questions of the conversation, the answer with the passage it cites.
        await rows.First.Locator("td.question a").ClickAsync();
        var answer = page.Locator($"li[data-message='{answered["messageId"]}']");
        await Expect(page.Locator($"li[data-message='{declinedId}'] .kind")).ToHaveTextAsync("OutOfScope");
        await Expect(answer.Locator(".intent")).ToHaveTextAsync("duration");
        await Expect(answer.Locator(".answer .text")).ToHaveTextAsync(TestKnowledge.SecondDurationAnswer);
        await Expect(answer.Locator("blockquote.source")).ToContainTextAsync("8 week");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/login$"));
        await page.GotoAsync(new Uri(browser.Server.BaseUri, "admin/conversations").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/admin/login\\?ReturnUrl="));
        await context.DisposeAsync();
    }
}
