using Botshop.Core.Knowledge;
using Botshop.Core.Postings;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

public abstract class PostingStoreTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FixedTime _time = new(Now);

    private PostingStore Postings => new(Db, _time);
    private KnowledgeStore Knowledge => new(Db, _time);

    private static Posting Widget(params Passage[] passages) =>
        new("widget", "Widget Engineer", ["Lisbon"], passages, "hash-" + passages.Length) { Source = new PostingSource("widget.txt", "doc") };

    private static readonly Passage Duration = new("details/lasts-12-weeks-aaaa", "Details", "It lasts 12 weeks.", 0);
    private static readonly Passage Office = new("details/office-in-lisbon-bbbb", "Details", "Office in Lisbon.", 1);

    /// <summary>A store seeded with the widget posting and an answer citing its duration passage.</summary>
    private async Task SeedAsync()
    {
        await Knowledge.ImportAsync(new KnowledgeBase(
            [Widget(Duration, Office)],
            [new Intent("duration", "how long", ["How long?"], new Dictionary<string, PostingAnswer> { ["widget"] = new("12 weeks.", [Duration.Id]) })
            {
                SourceFile = "logistics.yaml",
            }]), default);
    }

    [Fact]
    public async Task New_posting_is_stored_with_its_passages_and_source()
    {
        var gadget = new Posting("gadget", "Gadget", [], [new Passage("a/one-cccc", "A", "One.", 0)], "h");

        var change = await Postings.SaveAsync(gadget, new PostingSource("gadget.html", "<p>One.</p>"), default);

        Assert.Equal(new PostingChange(true, ["a/one-cccc"], []), change with { AddedPassageIds = change.AddedPassageIds.ToList() }, ChangeComparer);
        var loaded = (await Knowledge.LoadAsync(default)).FindPosting("gadget")!;
        Assert.Equal(gadget.Passages, loaded.Passages);
        Assert.Equal(new PostingSource("gadget.html", "<p>One.</p>"), (await Postings.SourcesAsync(default))["gadget"]);
        Assert.Equal(new PostingRecord("gadget", "gadget.html", Now), Assert.Single(await Postings.ListAsync(default)));
    }

    [Fact]
    public async Task Update_replaces_passages_keeps_answers_and_remembers_removed_passages()
    {
        await SeedAsync();
        var changed = Duration with { Id = "details/lasts-10-weeks-dddd", Text = "It lasts 10 weeks." };
        _time.Now = Now.AddHours(1);

        var change = await Postings.SaveAsync(Widget(Office with { Order = 0 }, changed with { Order = 1 }), new PostingSource("widget.txt", "doc v2"), default);

        Assert.False(change.Created);
        Assert.Equal([changed.Id], change.AddedPassageIds);
        Assert.Equal([Duration.Id], change.RemovedPassageIds);
        var kb = await Knowledge.LoadAsync(default);
        Assert.Equal([Office.Id, changed.Id], kb.FindPosting("widget")!.Passages.Select(p => p.Id));
        Assert.Equal([Duration.Id], kb.FindIntent("duration")!.Answers["widget"].SourceIds);
        Assert.Equal("logistics.yaml", kb.FindIntent("duration")!.SourceFile);
        var former = (await Postings.FormerPassagesAsync("widget", default))["widget"];
        Assert.Equal([(Duration.Id, Duration.Text)], former.Select(p => (p.Id, p.Text)));
        Assert.Equal(Now.AddHours(1), Assert.Single(await Postings.ListAsync(default)).UpdatedAt);
    }

    [Fact]
    public async Task A_passage_that_comes_back_is_no_longer_former()
    {
        await SeedAsync();
        await Postings.SaveAsync(Widget(Office with { Order = 0 }), new PostingSource("widget.txt", "v2"), default);

        var change = await Postings.SaveAsync(Widget(Duration, Office), new PostingSource("widget.txt", "v3"), default);

        Assert.Equal([Duration.Id], change.AddedPassageIds);
        Assert.Empty(await Postings.FormerPassagesAsync(null, default));
    }

    [Fact]
    public async Task Concurrent_saves_of_one_posting_both_succeed_and_leave_one_whole_version()
    {
        await SeedAsync();
        var versions = Enumerable.Range(0, 6)
            .Select(v => Widget(Enumerable.Range(0, 3).Select(i => new Passage($"s/v{v}-p{i}", "S", $"Version {v}, passage {i}.", i)).ToArray()))
            .ToList();

        // Separate factories, as separate processes (or replicas) would save.
        await Task.WhenAll(versions.Select(v => Task.Run(() => new PostingStore(ConnectAgain(), _time).SaveAsync(v, new PostingSource("widget.txt", "doc"), default))));

        var stored = (await Knowledge.LoadAsync(default)).FindPosting("widget")!.Passages;
        Assert.Contains(versions, v => v.Passages.SequenceEqual(stored));
    }

    [Fact]
    public async Task Failed_save_leaves_the_posting_as_it_was()
    {
        await SeedAsync();
        var broken = Widget(Duration with { Text = "changed" }, Duration with { Order = 1 }); // one id twice

        await Assert.ThrowsAnyAsync<Exception>(() => Postings.SaveAsync(broken, new PostingSource("widget.txt", "bad"), default));

        Assert.Equal([Duration, Office], (await Knowledge.LoadAsync(default)).FindPosting("widget")!.Passages);
        Assert.Equal("doc", (await Postings.SourcesAsync(default))["widget"].Text);
    }

    [Fact]
    public async Task Import_replaces_former_passages_with_the_rest_of_the_knowledge()
    {
        await SeedAsync();
        await Postings.SaveAsync(Widget(Office with { Order = 0 }), new PostingSource("widget.txt", "v2"), default);

        await SeedAsync();

        Assert.Empty(await Postings.FormerPassagesAsync(null, default));
        await using var connection = await Db.OpenAsync();
        Assert.Equal(Now.ToUnixTimeMilliseconds(), await connection.ExecuteScalarAsync<long>("SELECT updated_at FROM postings WHERE id = 'widget'"));
    }

    private static readonly IEqualityComparer<PostingChange> ChangeComparer = EqualityComparer<PostingChange>.Create(
        (a, b) => a!.Created == b!.Created && a.AddedPassageIds.SequenceEqual(b.AddedPassageIds) && a.RemovedPassageIds.SequenceEqual(b.RemovedPassageIds),
        c => c.Created.GetHashCode());
}
