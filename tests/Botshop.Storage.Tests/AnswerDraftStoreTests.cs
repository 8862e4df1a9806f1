using Botshop.Core.Knowledge;
using Botshop.Core.Postings;
using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests;

public abstract class AnswerDraftStoreTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FixedTime _time = new(Now);

    private AnswerDraftStore Drafts => new(Db, _time);
    private KnowledgeStore Knowledge => new(Db, _time);

    private static DraftAnswer Draft(string intent, string text = "Quoted passage.") => new(intent, "gizmo", text, ["s/quoted-1"], 0.8, "widget");

    /// <summary>Two postings; "duration" answered for the widget only, "office" answered live for the gizmo.</summary>
    private async Task SeedAsync()
    {
        await Knowledge.ImportAsync(new KnowledgeBase(
            [
                new Posting("widget", "Widget", [], [new Passage("w/1", "S", "Twelve weeks.", 0)], "h1"),
                new Posting("gizmo", "Gizmo", [], [new Passage("s/quoted-1", "S", "Quoted passage.", 0)], "h2"),
            ],
            [
                new Intent("duration", "how long", ["How long?"], new Dictionary<string, PostingAnswer> { ["widget"] = new("12 weeks.", ["w/1"]) }),
                new Intent("office", "where", ["Where?"], new Dictionary<string, PostingAnswer> { ["gizmo"] = new("Live answer.", ["s/quoted-1"]) }),
            ]), default);
    }

    [Fact]
    public async Task Drafts_are_stored_but_never_loaded_for_serving()
    {
        await SeedAsync();
        var stored = await Drafts.ReplaceAsync("gizmo", [Draft("duration")], "system", default);

        Assert.Equal(["duration"], stored.Select(d => d.Intent));
        var listed = Assert.Single(await Drafts.ListAsync("gizmo", default));
        Assert.Equal(new StoredDraft("duration", "gizmo", "Quoted passage.", ["s/quoted-1"], "system", Now), listed, DraftComparer);
        Assert.False((await Knowledge.LoadAsync(default)).FindIntent("duration")!.Answers.ContainsKey("gizmo"));
    }

    [Fact]
    public async Task A_live_answer_is_never_replaced_by_a_draft_and_unknown_intents_are_skipped()
    {
        await SeedAsync();
        var stored = await Drafts.ReplaceAsync("gizmo", [Draft("office", "Draft text."), Draft("no_such_intent"), Draft("duration")], "system", default);

        Assert.Equal(["duration"], stored.Select(d => d.Intent));
        Assert.Equal("Live answer.", (await Knowledge.LoadAsync(default)).FindIntent("office")!.Answers["gizmo"].Text);
    }

    [Fact]
    public async Task Replacing_drops_the_postings_previous_drafts()
    {
        await SeedAsync();
        await Drafts.ReplaceAsync("gizmo", [Draft("duration")], "system", default);

        await Drafts.ReplaceAsync("gizmo", [], "system", default);

        Assert.Empty(await Drafts.ListAsync(null, default));
    }

    [Fact]
    public async Task Approved_draft_is_served_with_the_recruiters_text_and_cannot_be_approved_twice()
    {
        await SeedAsync();
        await Drafts.ReplaceAsync("gizmo", [Draft("duration")], "system", default);
        _time.Now = Now.AddMinutes(5);

        var approved = await Drafts.ApproveAsync("duration", "gizmo", "Edited answer.", "ana", default);
        var again = await Drafts.ApproveAsync("duration", "gizmo", "Other.", "ana", default);

        Assert.True(approved);
        Assert.False(again);
        var answer = (await Knowledge.LoadAsync(default)).FindIntent("duration")!.Answers["gizmo"];
        Assert.Equal(("Edited answer.", "s/quoted-1"), (answer.Text, Assert.Single(answer.SourceIds)));
        Assert.Empty(await Drafts.ListAsync("gizmo", default));
    }

    [Fact]
    public async Task Discard_removes_only_the_draft_never_a_live_answer()
    {
        await SeedAsync();
        await Drafts.ReplaceAsync("gizmo", [Draft("duration")], "system", default);

        Assert.True(await Drafts.DiscardAsync("duration", "gizmo", default));
        Assert.False(await Drafts.DiscardAsync("office", "gizmo", default));

        Assert.Empty(await Drafts.ListAsync(null, default));
        Assert.True((await Knowledge.LoadAsync(default)).FindIntent("office")!.Answers.ContainsKey("gizmo"));
    }

    private static readonly IEqualityComparer<StoredDraft> DraftComparer = EqualityComparer<StoredDraft>.Create(
        (a, b) => (a!.Intent, a.PostingId, a.Text, a.UpdatedBy, a.UpdatedAt) == (b!.Intent, b.PostingId, b.Text, b.UpdatedBy, b.UpdatedAt)
            && a.SourceIds.SequenceEqual(b.SourceIds),
        d => d.Intent.GetHashCode());
}
