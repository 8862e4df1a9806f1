using Botshop.Core.Knowledge;
using Botshop.Hosting.Postings;
using Botshop.Knowledge;

namespace Botshop.Hosting.Tests;

/// <summary>
/// `knowledge export` writes the store back as a data folder: it validates, and importing it gives the same
/// knowledge, the seed as it was and the seed after a posting was uploaded and a draft approved.
/// </summary>
public sealed class KnowledgeExportTests : HostedTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("botshop-export-").FullName;
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string Out => Path.Combine(_folder, "export");

    [Fact]
    public async Task Seed_exported_from_theStore_validates_and_loads_as_the_seed()
    {
        var report = await Host.Get<KnowledgeExporter>().ExportAsync(Out, default);

        var exported = KnowledgeLoader.Load(Out);
        Assert.False(exported.Validation.HasErrors, string.Join("\n", exported.Validation.Errors));
        Assert.Empty(report.Warnings);
        KnowledgeAssert.Same(SeedData.Load().Knowledge, exported.Knowledge);
        // The documents are written back byte for byte; a sidecar only where the document does not give the title.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SeedData.Folder, "postings"), "*.*").Where(f => !f.EndsWith(".meta.yaml")))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(Out, "postings", Path.GetFileName(file))));
        Assert.Equal(
            Directory.EnumerateFiles(Path.Combine(SeedData.Folder, "faq")).Select(Path.GetFileName).Order(),
            Directory.EnumerateFiles(Path.Combine(Out, "faq")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Store_after_an_upload_and_an_approval_round_trips_through_export_and_import()
    {
        await Host.Get<PostingUploads>().UploadAsync(
            new PostingUpload(ThirdPosting.FileName, ThirdPosting.Bytes, "Systems Research Intern", ["Lisbon, PT"]), "ana", default);
        Assert.True((await Host.Get<DraftReview>().ApproveAsync("duration", ThirdPosting.Id, null, "ana", default)).Succeeded);
        var store = await Host.Get<IKnowledgeStore>().LoadAsync(default);

        await Host.Get<KnowledgeExporter>().ExportAsync(Out, default);
        var exported = KnowledgeLoader.Load(Out);
        await using var fresh = TestStore.Create(Engine.Sqlite);
        await using var reimported = await TestHost.StartAsync(fresh, Out);

        Assert.False(exported.Validation.HasErrors, string.Join("\n", exported.Validation.Errors));
        KnowledgeAssert.Same(store, exported.Knowledge);
        KnowledgeAssert.Same(store, await reimported.Get<IKnowledgeStore>().LoadAsync(default));
        // Drafts are not live knowledge: only the approved answer for the new posting is exported.
        Assert.Equal(["duration"], exported.Knowledge.Intents.Where(i => i.Answers.ContainsKey(ThirdPosting.Id)).Select(i => i.Name));
        Assert.Equal("title: Systems Research Intern\nlocations:\n- Lisbon, PT\n",
            File.ReadAllText(Path.Combine(Out, "postings", ThirdPosting.Id + ".meta.yaml")));
    }

    [Fact]
    public async Task Export_warns_of_what_validate_would_refuse()
    {
        var london = (await Host.Get<Core.Postings.IPostingStore>().SourcesAsync(default))["research-intern-london"];
        await Host.Get<PostingUploads>().UploadAsync(new PostingUpload(london.FileName,
            System.Text.Encoding.UTF8.GetBytes(london.Text.Replace("12 week summer internship", "10 week summer internship")),
            Title: "Research Intern, London, UK (Summer)"), "ana", default);

        var report = await Host.Get<KnowledgeExporter>().ExportAsync(Out, default);

        Assert.Contains(report.Warnings, w => w.StartsWith("validate: error:") && w.Contains("'duration'") && w.Contains("stale citation"));
        Assert.True(KnowledgeLoader.Load(Out).Validation.HasErrors);
    }

    [Fact]
    public async Task Export_into_a_folder_with_files_is_refused_and_writes_nothing()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "notes.txt"), "mine");

        var error = await Assert.ThrowsAsync<KnowledgeDataException>(() => Host.Get<KnowledgeExporter>().ExportAsync(Out, default));

        Assert.Contains("not empty", error.Message);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(Out).Select(Path.GetFileName));
    }
}
