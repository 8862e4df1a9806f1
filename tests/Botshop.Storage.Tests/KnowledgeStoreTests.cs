using Botshop.Core.Knowledge;
using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests;

public abstract class KnowledgeStoreTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private KnowledgeStore Store => new(Db);

    [Fact]
    public async Task Imported_knowledge_loads_back_with_passages_and_examples_in_order()
    {
        var knowledge = SampleKnowledge();

        await Store.ImportAsync(knowledge, default);
        var loaded = await Store.LoadAsync(default);

        AssertSameKnowledge(knowledge, loaded);
    }

    [Fact]
    public async Task Import_replaces_the_previous_knowledge_as_a_whole()
    {
        await Store.ImportAsync(SampleKnowledge(), default);
        var replacement = new KnowledgeBase(
            [new Posting("ml-intern", "ML Intern", ["Remote"], [new Passage("p9", "About", "New text.", 0)], "hash-2")],
            [new Intent("remote", "Remote work", ["Can I work remotely?"],
                new Dictionary<string, PostingAnswer> { ["ml-intern"] = new("Yes.", ["p9"]) })]);

        await Store.ImportAsync(replacement, default);
        var loaded = await Store.LoadAsync(default);

        AssertSameKnowledge(replacement, loaded);
    }

    [Fact]
    public async Task Failed_import_leaves_the_previous_knowledge_untouched()
    {
        var before = SampleKnowledge();
        await Store.ImportAsync(before, default);
        // Two passages with one id in one posting violate the key: the import must fail as a whole.
        var broken = new KnowledgeBase(
            [new Posting("x", "X", [], [new Passage("dup", "A", "one", 0), new Passage("dup", "A", "two", 1)], "h")], []);

        await Assert.ThrowsAnyAsync<Exception>(() => Store.ImportAsync(broken, default));

        AssertSameKnowledge(before, await Store.LoadAsync(default));
    }

    [Fact]
    public async Task Empty_store_loads_as_empty_knowledge()
    {
        var loaded = await Store.LoadAsync(default);

        Assert.Empty(loaded.Postings);
        Assert.Empty(loaded.Intents);
    }

    private static KnowledgeBase SampleKnowledge() => new(
        [
            new Posting("phd-intern", "PhD Research Intern (Europe)", ["Zurich", "Paris"],
                [
                    // Ids deliberately out of alphabetical order: order must come from the import, not the key.
                    new Passage("p3", "About the role", "You will do research.", 0),
                    new Passage("p1", "Requirements", "Enrolled in a PhD.", 1),
                    new Passage("p2", "Requirements", "Python.", 2),
                ],
                "hash-1"),
            new Posting("data-eng", "Data Engineer", [], [new Passage("d1", "Stack", "Spark and Kafka.", 0)], "hash-d"),
        ],
        [
            new Intent("requirements", "Requirements", ["What do I need?", "Any prerequisites?", "Do I need a PhD?"],
                new Dictionary<string, PostingAnswer>
                {
                    ["phd-intern"] = new("You need to be enrolled in a PhD and know Python.", ["p1", "p2"]),
                    ["data-eng"] = new("Spark and Kafka.", ["d1"]),
                    // An answer for a posting no longer live is kept as imported.
                    ["retired"] = new("Old answer.", ["r1"]),
                }),
            new Intent(Intent.OutOfScope, "Out of scope", ["What is the salary?", "Do you sponsor visas?"],
                new Dictionary<string, PostingAnswer>()),
        ]);

    private static void AssertSameKnowledge(KnowledgeBase expected, KnowledgeBase actual)
    {
        Assert.Equal(expected.Postings.Select(p => p.Id), actual.Postings.Select(p => p.Id));
        foreach (var (e, a) in expected.Postings.Zip(actual.Postings))
        {
            Assert.Equal(e.Title, a.Title);
            Assert.Equal(e.Locations, a.Locations);
            Assert.Equal(e.ContentHash, a.ContentHash);
            Assert.Equal(e.Passages, a.Passages); // records: compares id, section, text and order, in sequence
        }
        Assert.Equal(expected.Intents.Select(i => i.Name), actual.Intents.Select(i => i.Name));
        foreach (var (e, a) in expected.Intents.Zip(actual.Intents))
        {
            Assert.Equal(e.Topic, a.Topic);
            Assert.Equal(e.Examples, a.Examples);
            Assert.Equal(e.Answers.Keys.Order(), a.Answers.Keys.Order());
            foreach (var (posting, answer) in e.Answers)
            {
                Assert.Equal(answer.Text, a.Answers[posting].Text);
                Assert.Equal(answer.SourceIds, a.Answers[posting].SourceIds);
            }
        }
    }
}
