using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Botshop.Server.Tests.Browser;

/// <summary>
/// /admin/inbox as a recruiter works it: one group at a time, found by a question it holds (groups are ordered by size
/// and age, so never by position), decided with the group's own form.
/// </summary>
public sealed class InboxPage(IPage page)
{
    public const string Path = "admin/inbox";

    /// <summary>The outcome sentence the page shows after a decision.</summary>
    public ILocator Status => page.GetByRole(AriaRole.Status);

    /// <summary>A question's tick box, wherever it is on the page.</summary>
    public ILocator Question(long messageId) => page.Locator($"input[name=Selected][value='{messageId}']");

    /// <summary>The group that holds the question.</summary>
    public ILocator GroupOf(long messageId) => page.Locator("section.group").Filter(new() { Has = Question(messageId) });

    /// <summary>Fails unless the questions are in one group, all ticked, with nothing else in it; returns the group.</summary>
    public async Task<ILocator> GroupOfExactlyAsync(IReadOnlyList<long> messageIds)
    {
        var group = GroupOf(messageIds[0]);
        await Expect(group).ToHaveCountAsync(1);
        var boxes = group.Locator("input[name=Selected]");
        await Expect(boxes).ToHaveCountAsync(messageIds.Count);
        foreach (var id in messageIds) await Expect(group.Locator($"input[name=Selected][value='{id}']")).ToBeCheckedAsync();
        return group;
    }

    /// <summary>Teaches the group's ticked questions to an existing intent.</summary>
    public async Task LabelAsync(ILocator group, string intent)
    {
        await group.GetByRole(AriaRole.Combobox, new() { Name = "Intent" }).SelectOptionAsync(intent);
        await group.GetByRole(AriaRole.Button, new() { Name = "Label", Exact = true }).ClickAsync();
    }

    /// <summary>Creates an intent with its answer for the group's posting, citing the passage that contains <paramref name="passageText"/>.</summary>
    public async Task AnswerAsync(ILocator group, string intent, string topic, string answer, string passageText)
    {
        await group.GetByLabel("Name", new() { Exact = true }).FillAsync(intent);
        await group.GetByLabel("Topic", new() { Exact = true }).FillAsync(topic);
        await group.GetByLabel("Answer (under").FillAsync(answer);
        // The passages are folded away under "Cite passages of …" until the recruiter opens the picker.
        await group.Locator("details summary").First.ClickAsync();
        await group.GetByLabel(passageText).CheckAsync();
        await group.GetByRole(AriaRole.Button, new() { Name = "Create and answer" }).ClickAsync();
    }
}
