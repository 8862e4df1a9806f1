using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Botshop.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Botshop.Server.Tests.Browser;

/// <summary>
/// The learning loop's last steps in a real browser: a topic taught from the inbox is learned by the retrain the
/// recruiter starts on /admin/models, the gate promotes it and the chat predicts it; rolling back from the same page
/// serves the previous version again. One training, on purpose: it is the slow part.
/// </summary>
public sealed partial class ModelsBrowserTests(ModelsBrowserFixture browser) : IClassFixture<ModelsBrowserFixture>
{
    public const string ScreenshotPath = "/tmp/admin-models.png";

    private const string Intent = "stipend";
    private const string Answer = "Interns receive a monthly stipend for the whole internship.";

    // Five or more, as cross-validation needs of every intent; all about one thing, so the inbox groups them.
    private static readonly string[] Taught =
    [
        "Is there a stipend?", "how much is the stipend", "do interns get a stipend", "what is the monthly stipend",
        "will I receive a stipend", "is the stipend the same every month",
    ];

    // A generous guard against a hang, not a speed check: the machine trains with other test runs beside it.
    private static readonly LocatorAssertionsToHaveTextOptions TrainingPatience = new() { Timeout = 5 * 60_000 };

    [Fact]
    public async Task Retrain_from_the_models_page_promotes_a_version_that_learned_the_taught_topic_and_rollback_serves_the_previous_one()
    {
        var chat = new ChatClient(browser.Server.CreateClient());
        var ids = await chat.AskDeclinedAsync(Taught);
        var page = await browser.SignedInPageAsync(InboxPage.Path);
        var inbox = new InboxPage(page);
        await inbox.AnswerAsync(await inbox.GroupOfExactlyAsync(ids), Intent, "whether interns get a stipend", Answer, TestKnowledge.DurationPassageText);
        await Expect(inbox.Status).ToContainTextAsync($"{ids.Count} questions became its examples");

        await page.GotoAsync(Url("admin/models"));
        var before = await ActiveVersionAsync(page);
        var first = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Retrain now" }).ClickAsync(), r => JobUrl().IsMatch(r.Url));

        // The job page shows the job's progress and reloads itself until the job ends.
        var job = long.Parse(JobUrl().Match(first.Url).Groups[1].Value);
        await ShowsProgressWhileUnfinishedAsync(first);
        var status = page.Locator("h1 .job-status");
        await Expect(status).ToHaveTextAsync("promoted", TrainingPatience);
        var after = await JobAsync(page, job);
        var version = (long)after["modelVersionId"]!;
        Assert.True(version > before, $"job {job}: {after}");
        Assert.True((int?)after["total"] > 0 && (int?)after["step"] == (int?)after["total"], $"progress was not reported to the end: {after}");
        await Expect(page.Locator(".card .ok")).ToHaveTextAsync($"Version {version} passed the regression gate and is now active.");

        await page.GetByRole(AriaRole.Link, new() { Name = "← Models" }).ClickAsync();
        await Expect(Row(page, version)).ToHaveAttributeAsync("data-status", "active");
        await Expect(Row(page, before)).ToHaveAttributeAsync("data-status", "promoted");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });

        // The chat predicts the new intent with the new version (the one that stored the reply).
        var learned = await chat.AskAsync(ChatClient.NewConversationId(), Taught[0]);
        Assert.Equal(("Answered", Intent, Answer), ((string?)learned["kind"], (string?)learned["intent"], (string?)learned["text"]));
        Assert.Equal(version.ToString(), await browser.Server.Database.ModelVersionOfAsync((long)learned["messageId"]!));

        // Roll back, through the confirmation step.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Roll back to version {before}…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Roll back to version {before}?");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, roll back to version {before}" }).ClickAsync();
        await Expect(page.GetByText($"Version {before} is now active.")).ToBeVisibleAsync();
        await page.GotoAsync(Url("admin/models"));
        await Expect(Row(page, before)).ToHaveAttributeAsync("data-status", "active");
        await Expect(Row(page, version)).ToHaveAttributeAsync("data-status", "promoted");

        var forgotten = await chat.AskAsync(ChatClient.NewConversationId(), Taught[0]);
        Assert.NotEqual(Intent, (string?)forgotten["intent"]);
        Assert.False((bool)forgotten["answered"]!, $"the previous version answered: {forgotten}");
        Assert.Equal(before.ToString(), await browser.Server.Database.ModelVersionOfAsync((long)forgotten["messageId"]!));
    }

    /// <summary>
    /// The job page as first served: training on the test data takes seconds, so it may be over by then. One response
    /// is checked whole, so the verdict cannot mix two reloads: an unfinished job shows its progress bar and asks the
    /// browser to reload, a finished one does not.
    /// </summary>
    private static async Task ShowsProgressWhileUnfinishedAsync(IResponse response)
    {
        Assert.Equal(200, response.Status);
        var html = AdminSession.Parse(await response.TextAsync());
        var status = html.QuerySelector("h1 .job-status")?.TextContent;
        var refresh = await response.HeaderValueAsync("refresh");
        if (status is "queued" or "running")
        {
            Assert.Equal("2", refresh);
            Assert.NotNull(html.QuerySelector("section.card progress"));
        }
        else
        {
            Assert.Equal("promoted", status);
            Assert.Null(refresh);
        }
    }

    private string Url(string path) => new Uri(browser.Server.BaseUri, path).ToString();

    private static ILocator Row(IPage page, long version) => page.Locator($"table.versions tr[data-version='{version}']");

    private static async Task<long> ActiveVersionAsync(IPage page)
    {
        var active = page.Locator("table.versions tr[data-status='active']");
        await Expect(active).ToHaveCountAsync(1);
        return long.Parse((await active.GetAttributeAsync("data-version"))!);
    }

    /// <summary>The job as /admin/api/models/jobs/{id} serves it, with the page's own session.</summary>
    private async Task<JsonObject> JobAsync(IPage page, long job)
    {
        var response = await page.APIRequest.GetAsync(Url($"admin/api/models/jobs/{job}"));
        Assert.True(response.Ok, $"HTTP {response.Status}");
        var body = JsonNode.Parse(await response.TextAsync())!.AsObject();
        Assert.Equal(("promoted", true), ((string?)body["status"], (bool)body["finished"]!));
        return body;
    }

    [GeneratedRegex(@"/admin/models/jobs/(\d+)$")]
    private static partial Regex JobUrl();
}
