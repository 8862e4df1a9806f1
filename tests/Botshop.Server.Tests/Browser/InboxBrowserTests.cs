using System.Text.RegularExpressions;
using Botshop.Server.Tests.Inbox;
using Botshop.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Botshop.Server.Tests.Browser;

/// <summary>
/// A recruiter decides the inbox in a real browser: declined questions become training examples of an intent, or
/// the examples of a new intent with its answer, which the web chat serves at once.
/// </summary>
public sealed class InboxBrowserTests(AdminBrowserFixture browser) : IClassFixture<AdminBrowserFixture>
{
    public const string ScreenshotPath = "/tmp/admin-inbox.png";

    [Fact]
    public async Task Recruiter_labels_a_declined_group_to_an_existing_intent_and_the_questions_become_its_examples()
    {
        string[] questions = ["Is there an interview?", "how many interview rounds are there", "what is the interview like"];
        var ids = await Chat.AskDeclinedAsync(questions);
        var page = await browser.SignedInPageAsync(InboxPage.Path);
        var inbox = new InboxPage(page);

        var group = await inbox.GroupOfExactlyAsync(ids);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
        // Long intent topics once widened the label form over the answer form beside it, hiding half of both.
        var label = (await group.Locator("fieldset").Filter(new() { HasText = "Label: teach them" }).BoundingBoxAsync())!;
        var answer = (await group.Locator("fieldset").Filter(new() { HasText = "Answer: a new intent" }).BoundingBoxAsync())!;
        Assert.True(label.X + label.Width <= answer.X, $"the label form ends at {label.X + label.Width}, the answer form starts at {answer.X}");
        await inbox.LabelAsync(group, "apply");

        await Expect(inbox.Status).ToContainTextAsync($"Labeled {ids.Count} questions as 'apply' ({ids.Count} new examples;");
        foreach (var id in ids)
        {
            await Expect(inbox.Question(id)).ToHaveCountAsync(0);
            Assert.Equal("labeled", await ReviewState.OfAsync(browser.Server.DatabaseFile, id));
        }

        // The intent's page lists them as examples taught from those messages, by the recruiter who decided.
        await page.GotoAsync(new Uri(browser.Server.BaseUri, "admin/knowledge/apply").ToString());
        var examples = page.Locator("table.examples tbody tr");
        foreach (var (question, id) in questions.Zip(ids))
        {
            var row = examples.Filter(new() { HasTextRegex = new Regex($@"from message {id}\b") });
            await Expect(row.Locator("td").First).ToHaveTextAsync(question);
            await Expect(row).ToContainTextAsync(AdminSession.AdminUser);
        }
    }

    [Fact]
    public async Task Recruiter_answers_a_declined_group_with_a_new_intent_and_the_chat_serves_the_answer_at_once()
    {
        const string answer = "Interns receive a monthly stipend for the whole internship.";
        var ids = await Chat.AskDeclinedAsync(["Is there a stipend?", "how much is the stipend", "do interns get a stipend"]);
        var page = await browser.SignedInPageAsync(InboxPage.Path);
        var inbox = new InboxPage(page);

        var group = await inbox.GroupOfExactlyAsync(ids);
        await inbox.AnswerAsync(group, "stipend", "whether interns get a stipend", answer, TestKnowledge.DurationPassageText);

        await Expect(inbox.Status).ToContainTextAsync($"Created 'stipend' with its answer for {TestKnowledge.PostingId}; {ids.Count} questions became its examples.");
        foreach (var id in ids)
        {
            await Expect(inbox.Question(id)).ToHaveCountAsync(0);
            Assert.Equal("answered", await ReviewState.OfAsync(browser.Server.DatabaseFile, id));
        }
        // Not predicted before a retraining, but served at once: the "did you mean" button for it gets the answer,
        // citing the passage the recruiter ticked.
        var reply = await new ChatClient(browser.Server.CreateClient()).ChooseIntentAsync("stipend");
        Assert.Equal(("Answered", "stipend", answer), ((string?)reply["kind"], (string?)reply["intent"], (string?)reply["text"]));
        Assert.Equal(TestKnowledge.DurationPassageText, (string?)reply["sources"]![0]!["text"]);
    }

    private ChatClient Chat => new(browser.Server.CreateClient());
}
