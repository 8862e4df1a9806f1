namespace Botshop.Cli.Tests;

/// <summary>What a user can get wrong: each is a one-line message on stderr and a non-zero exit, never a stack trace.</summary>
public sealed class BadInputTests(TrainedSample sample) : IClassFixture<TrainedSample>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_question_is_refused(string question)
    {
        var result = await CliProcess.RunAsync(sample.CopyInto(_temp), "ask", "--posting", SampleData.Widget, question);

        var error = CliAssert.OneLineError(result, ExitCodes.BadInput);
        Assert.Contains("empty", error);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Over_long_question_is_refused_with_the_limit()
    {
        var result = await CliProcess.RunAsync(sample.CopyInto(_temp), "ask", "--posting", SampleData.Widget, new string('x', 2001));

        var error = CliAssert.OneLineError(result, ExitCodes.BadInput);
        Assert.Contains("2000", error);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Unknown_posting_is_refused_and_the_postings_are_listed()
    {
        var result = await CliProcess.RunAsync(sample.CopyInto(_temp), "ask", "--posting", "no-such-posting", "How long is the internship?");

        var error = CliAssert.OneLineError(result, ExitCodes.BadInput);
        Assert.Contains("no-such-posting", error);
        Assert.Contains(SampleData.Widget, error);
        Assert.Contains(SampleData.Gadget, error);
    }

    [Fact]
    public async Task Several_postings_and_no_posting_chosen_is_refused_and_the_postings_are_listed()
    {
        var result = await CliProcess.RunAsync(sample.CopyInto(_temp), "ask", "How long is the internship?");

        var error = CliAssert.OneLineError(result, ExitCodes.BadInput);
        Assert.Contains("--posting", error);
        Assert.Contains(SampleData.Widget, error);
        Assert.Contains(SampleData.Gadget, error);
    }

    [Fact]
    public async Task Missing_data_folder_is_named()
    {
        var missing = _temp.File("no-such-data");
        var env = new CliEnvironment(_temp.File("fresh.db"), DataFolder: null, _temp.Path);

        var result = await CliProcess.RunAsync(env, "--data", missing, "ask", "--posting", SampleData.Widget, "How long is the internship?");

        var error = CliAssert.OneLineError(result, ExitCodes.BadInput);
        Assert.Contains(missing, error);
    }

    [Theory]
    [InlineData("ask", "--posting", SampleData.Widget, "How long is the internship?")]
    [InlineData("train")]
    [InlineData("validate")]
    public async Task Invalid_yaml_in_the_faq_folder_is_one_line_naming_the_file(params string[] args)
    {
        using var fresh = new FreshSample();
        File.WriteAllText(Path.Combine(fresh.Data.Folder, "faq", "broken.yaml"), "intents:\n  - name: [unclosed\n    topic: x\n");

        var result = await CliProcess.RunAsync(fresh.Env, args);

        var error = CliAssert.OneLineError(result, ExitCodes.BadInput);
        Assert.Contains("broken.yaml", error);
    }

    [Fact]
    public async Task Store_under_a_path_that_cannot_exist_is_refused_as_store_unavailable()
    {
        var notAFolder = _temp.File("plain-file");
        File.WriteAllText(notAFolder, "not a folder");
        var env = new CliEnvironment(Path.Combine(notAFolder, "sub", "botshop.db"), sample.Data.Folder, _temp.Path);

        var result = await CliProcess.RunAsync(env, "postings", "--json");

        var error = CliAssert.OneLineError(result, ExitCodes.StoreUnavailable);
        Assert.Contains(notAFolder, error);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Store_path_that_is_a_folder_is_refused_as_store_unavailable()
    {
        var folder = _temp.File("a-folder.db");
        Directory.CreateDirectory(folder);
        var env = new CliEnvironment(folder, sample.Data.Folder, _temp.Path);

        var result = await CliProcess.RunAsync(env, "ask", "--posting", SampleData.Widget, "How long is the internship?");

        CliAssert.OneLineError(result, ExitCodes.StoreUnavailable);
        Assert.Empty(result.Stdout);
    }
}
