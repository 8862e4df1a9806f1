using Botshop.Core.Conversations;
using Botshop.Server.Tests.Browser;
using Botshop.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Botshop.Server.Tests.Privacy;

/// <summary>The web chat page shows a recruiter's later reply, found by its own polling, as a distinct bubble of plain text.</summary>
public sealed class RecruiterReplyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public const string ScreenshotPath = "/tmp/webchat-recruiter-reply.png";

    [Fact]
    public async Task A_recruiters_reply_appears_as_its_own_bubble_and_markup_in_it_stays_text()
    {
        const string reply = "Yes, there is a stipend. <b>bold</b><img src=x onerror=\"window.__pwned=1\">";
        var page = await browser.NewPageAsync();
        await Expect(page.Locator($"#posting option[value='{TestKnowledge.PostingId}']")).ToBeAttachedAsync();
        await page.FillAsync("#question", "Is there a stipend?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Expect(page.Locator("li.msg.bot")).ToHaveCountAsync(1);
        var conversation = await page.EvaluateAsync<string>("sessionStorage.getItem('botshop.conversation')");
        var question = Assert.Single(await browser.Server.Database.MessagesInConversationAsync("web", conversation));

        await using (var app = PrivacyServerFixture.InProcessServices(new Dictionary<string, string>
        {
            ["ConnectionStrings:Botshop"] = $"Data Source={browser.Server.DatabaseFile}",
            ["Botshop:UserHashKey"] = TrainedTemplate.UserHashKey,
        }))
            Assert.True((await app.Services.GetRequiredService<IRecruiterReplies>().SendAsync(question.Id, "alice", reply, default)).Sent);

        // The page polls every few seconds: wait for the bubble, not for a fixed time.
        var bubble = page.Locator("li.msg.recruiter");
        await Expect(bubble.Locator(".text")).ToHaveTextAsync(reply, new() { Timeout = 30_000 });
        await Expect(bubble.Locator(".from")).ToHaveTextAsync("Recruiter");
        Assert.Equal(0, await page.Locator("#log b, #log img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("typeof window.__pwned === 'undefined'"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
    }

    [Fact]
    public async Task After_forget_me_the_page_starts_a_new_conversation()
    {
        var page = await browser.NewPageAsync();
        await Expect(page.Locator($"#posting option[value='{TestKnowledge.PostingId}']")).ToBeAttachedAsync();
        await page.FillAsync("#question", TestKnowledge.DurationQuestion);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Expect(page.Locator("li.msg.bot")).ToHaveCountAsync(1);
        var before = await page.EvaluateAsync<string>("sessionStorage.getItem('botshop.conversation')");

        await page.FillAsync("#question", "forget me");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();

        await Expect(page.Locator("li.msg.bot[data-kind='Forgotten']")).ToContainTextAsync("deleted everything stored about you");
        var after = await page.EvaluateAsync<string>("sessionStorage.getItem('botshop.conversation')");
        Assert.NotEqual(before, after);
        Assert.Empty(await browser.Server.Database.MessagesInConversationAsync("web", before));
    }
}
