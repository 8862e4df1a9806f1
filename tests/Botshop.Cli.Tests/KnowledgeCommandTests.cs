namespace Botshop.Cli.Tests;

/// <summary>`botshop knowledge upload` and `botshop knowledge export`, run as real processes on a real store.</summary>
public sealed class KnowledgeCommandTests : IDisposable
{
    private const string GizmoPosting = """
        Gizmo Tester

        Summer placement

        We test gizmos before anyone else gets to break them.

        Details

          • The internship lasts 12 weeks, from June to August, in our lab.
          • Testers get a free gizmo at the end.
        """;

    private readonly FreshSample _sample = new();

    public void Dispose() => _sample.Dispose();

    private string WriteGizmo()
    {
        var path = _sample.File("gizmo-tester.txt");
        File.WriteAllText(path, GizmoPosting);
        return path;
    }

    [Fact]
    public async Task Upload_adds_a_posting_with_drafts_that_later_commands_see_and_the_audit_names_cli()
    {
        var upload = await CliProcess.RunAsync(_sample.Env, "knowledge", "upload", WriteGizmo(), "--location", "Porto", "--json");
        var postings = await CliProcess.RunAsync(_sample.Env, "postings", "--json");

        CliAssert.Succeeded(upload);
        var result = upload.Json();
        Assert.Equal("gizmo-tester", result.GetProperty("posting").GetString());
        Assert.True(result.GetProperty("created").GetBoolean());
        // The duration fact is paraphrased from the widget posting; the free gizmo is in no answer anywhere.
        var drafts = result.GetProperty("drafts").EnumerateArray().ToList();
        Assert.Contains(drafts, d => d.GetProperty("intent").GetString() == "duration");
        Assert.DoesNotContain(drafts, d => d.GetProperty("intent").GetString() == "location");
        CliAssert.Succeeded(postings);
        var gizmo = postings.Json().EnumerateArray().Single(p => p.GetProperty("id").GetString() == "gizmo-tester");
        Assert.Equal(["Porto"], gizmo.GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
        using var store = StoreFile.Open(_sample.Env.DatabasePath);
        using var command = store.CreateCommand();
        command.CommandText = "SELECT actor FROM audit_log WHERE action = 'posting.create' AND subject = 'posting/gizmo-tester'";
        Assert.Equal("cli", command.ExecuteScalar());
    }

    [Fact]
    public async Task Export_writes_a_data_folder_that_validates_and_seeds_a_new_store_with_the_same_postings()
    {
        CliAssert.Succeeded(await CliProcess.RunAsync(_sample.Env, "knowledge", "upload", WriteGizmo()));
        var folder = _sample.File("exported");

        var export = await CliProcess.RunAsync(_sample.Env, "knowledge", "export", "--out", folder, "--json");
        var validate = await CliProcess.RunAsync(_sample.Env, "validate", "--data", folder, "--json");
        var before = await CliProcess.RunAsync(_sample.Env, "postings", "--json");
        var reseeded = _sample.Env with { DatabasePath = _sample.File("reseeded.db"), DataFolder = folder };
        var after = await CliProcess.RunAsync(reseeded, "postings", "--json");

        CliAssert.Succeeded(export);
        Assert.Contains("postings/gizmo-tester.txt", export.Json().GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        CliAssert.Succeeded(validate);
        Assert.True(validate.Json().GetProperty("valid").GetBoolean(), validate.ToString());
        CliAssert.Succeeded(after);
        Assert.Equal(before.Json().ToString(), after.Json().ToString());
    }

    [Fact]
    public async Task Missing_file_unknown_kind_and_non_empty_folder_are_one_line_errors()
    {
        var missing = await CliProcess.RunAsync(_sample.Env, "knowledge", "upload", _sample.File("nope.txt"));
        var pdf = _sample.File("offer.pdf");
        File.WriteAllText(pdf, "%PDF-1.7");
        var wrongKind = await CliProcess.RunAsync(_sample.Env, "knowledge", "upload", pdf);
        var occupied = _sample.File("occupied");
        Directory.CreateDirectory(occupied);
        File.WriteAllText(Path.Combine(occupied, "keep.txt"), "mine");
        var export = await CliProcess.RunAsync(_sample.Env, "knowledge", "export", "--out", occupied);

        Assert.Contains("no such file", CliAssert.OneLineError(missing, 2));
        Assert.Contains("HTML or text", CliAssert.OneLineError(wrongKind, 2));
        Assert.Contains("not empty", CliAssert.OneLineError(export, 2));
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(occupied).Select(Path.GetFileName));
    }
}
