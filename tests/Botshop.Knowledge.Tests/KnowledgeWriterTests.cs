using Botshop.Core.Knowledge;
using Botshop.Knowledge.Export;

namespace Botshop.Knowledge.Tests;

/// <summary>Writing knowledge back as a data folder: the loader reads it as the same knowledge.</summary>
public sealed class KnowledgeWriterTests : IDisposable
{
    private readonly string _temp = TestData.TempFolder();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Seed_folder_written_back_loads_as_the_same_knowledge_and_validates()
    {
        var seed = KnowledgeLoader.Load(TestData.Folder).Knowledge;
        var folder = Path.Combine(_temp, "out");

        KnowledgeWriter.Write(folder, seed);
        var loaded = KnowledgeLoader.Load(folder);

        Assert.False(loaded.Validation.HasErrors, string.Join("\n", loaded.Validation.Errors));
        Assert.Equal(seed.Postings.Select(p => (p.Id, p.Title, string.Join("|", p.Locations), p.ContentHash)),
            loaded.Knowledge.Postings.Select(p => (p.Id, p.Title, string.Join("|", p.Locations), p.ContentHash)));
        Assert.Equal(seed.Postings.SelectMany(p => p.Passages), loaded.Knowledge.Postings.SelectMany(p => p.Passages));
        Assert.Equal(seed.Intents.Select(Describe), loaded.Knowledge.Intents.Select(Describe));
    }

    [Fact]
    public void Awkward_text_survives_yaml_quoting()
    {
        string[] examples = ["yes", "null", "~", "12", "- a dash", "#hash", "key: value", "it's \"quoted\"", "tab\there", "true?"];
        var posting = new Posting("p", "Title: with colon", ["No", "Lisbon, PT"], [new Passage("s/x-1", "S", "A fact.", 0)], "h")
        {
            Source = new PostingSource("p.txt", "Title: with colon\n\nA fact.\n"),
        };
        var intent = new Intent("awkward", "yes: no", examples, new Dictionary<string, PostingAnswer> { ["p"] = new("null", ["s/x-1"]) })
        {
            SourceFile = "odd.yaml",
        };
        var folder = Path.Combine(_temp, "out");

        KnowledgeWriter.Write(folder, new KnowledgeBase([posting], [intent]));
        var read = Faq.FaqLoader.LoadFolder(Path.Combine(folder, "faq")).ToIntents().Single();

        Assert.Equal(examples, read.Examples);
        Assert.Equal("yes: no", read.Topic);
        Assert.Equal("null", read.Answers["p"].Text);
        Assert.Equal("odd.yaml", read.SourceFile);
        var meta = File.ReadAllText(Path.Combine(folder, "postings", "p.meta.yaml"));
        Assert.Contains("No", meta);
        var reloaded = Postings.PostingLoader.LoadFile(Path.Combine(folder, "postings", "p.txt"));
        Assert.Equal(["No", "Lisbon, PT"], reloaded.Locations);
    }

    [Fact]
    public void Intent_without_a_faq_file_goes_to_the_default_file_and_unsafe_names_are_not_followed()
    {
        var posting = new Posting("p", "P", [], [new Passage("s/x-1", "S", "A fact.", 0)], "h") { Source = new PostingSource("p.txt", "A fact.") };
        var kb = new KnowledgeBase([posting],
        [
            new Intent("made_here", "t", ["q"], new Dictionary<string, PostingAnswer>()),
            new Intent("sneaky", "t", ["q2"], new Dictionary<string, PostingAnswer>()) { SourceFile = "../../evil.yaml" },
        ]);
        var folder = Path.Combine(_temp, "out");

        KnowledgeWriter.Write(folder, kb);

        Assert.Equal(["added.yaml", "coverage.yaml"], Directory.EnumerateFiles(Path.Combine(folder, "faq")).Select(Path.GetFileName).Order());
        Assert.False(File.Exists(Path.Combine(_temp, "evil.yaml")));
    }

    [Fact]
    public void Posting_without_a_stored_document_cannot_be_exported()
    {
        var kb = new KnowledgeBase([new Posting("old", "Old", [], [new Passage("a", "S", "Text.", 0)], "h")], []);

        var error = Assert.Throws<KnowledgeDataException>(() => KnowledgeWriter.Write(Path.Combine(_temp, "out"), kb));

        Assert.Contains("old", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_temp, "out")));
    }

    private static string Describe(Intent i) =>
        $"{i.Name}|{i.Topic}|{i.SourceFile}|{string.Join("/", i.Examples)}|" +
        string.Join(";", i.Answers.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value.Text}[{string.Join(",", a.Value.SourceIds)}]"));
}
