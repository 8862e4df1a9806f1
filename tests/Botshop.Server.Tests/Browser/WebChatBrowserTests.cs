using Botshop.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Botshop.Server.Tests.Browser;

/// <summary>The web chat page as a candidate uses it, in a real browser against the real server.</summary>
public sealed class WebChatBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public const string ScreenshotPath = "/tmp/webchat.png";

    [Fact]
    public async Task Candidate_picks_a_posting_asks_sees_the_quoted_answer_and_votes_helpful()
    {
        var page = await browser.NewPageAsync();

        await AskAsync(page, TestKnowledge.DurationQuestion);

        var answer = page.Locator("li.msg.bot[data-kind='Answered']");
        await Expect(answer.Locator(".text")).ToHaveTextAsync(TestKnowledge.DurationAnswer);
        await Expect(answer.Locator("blockquote")).ToContainTextAsync(TestKnowledge.DurationPassageText);
        await Expect(answer.Locator("blockquote cite")).ToHaveTextAsync("From the posting: Duration");

        var helpful = answer.GetByRole(AriaRole.Button, new() { Name = "👍 Helpful" });
        await helpful.ClickAsync();
        // aria-pressed flips only after the server accepted the vote.
        await Expect(helpful).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });

        var conversation = await page.EvaluateAsync<string>("sessionStorage.getItem('botshop.conversation')");
        var stored = Assert.Single(await browser.Server.Database.MessagesInConversationAsync("web", conversation));
        Assert.Equal(TestKnowledge.DurationQuestion, stored.Question);
        Assert.Equal(1, Assert.Single(await browser.Server.Database.VotesAsync(stored.Id)).Vote);
    }

    [Fact]
    public async Task Markup_in_a_question_is_shown_as_text_and_never_run()
    {
        const string question = "<script>window.__pwned=1</script><b>bold</b>";
        var page = await browser.NewPageAsync();

        await AskAsync(page, question);

        await Expect(page.Locator("li.msg.bot")).ToHaveCountAsync(1); // the reply came back and was rendered too
        await Expect(page.Locator("li.msg.user")).ToHaveTextAsync(question);
        Assert.Equal(0, await page.Locator("#log b").CountAsync());
        Assert.Equal(0, await page.Locator("#log script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("typeof window.__pwned === 'undefined'"));
    }

    private static async Task AskAsync(IPage page, string question)
    {
        // The options arrive from /api/chat/postings after the page loads.
        await Expect(page.Locator($"#posting option[value='{TestKnowledge.PostingId}']")).ToBeAttachedAsync();
        await page.SelectOptionAsync("#posting", TestKnowledge.PostingId);
        await page.FillAsync("#question", question);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
    }
}
