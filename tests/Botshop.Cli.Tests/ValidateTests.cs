namespace Botshop.Cli.Tests;

/// <summary>`botshop validate`: exit 0 for consistent data, 1 with the problem named for inconsistent data.</summary>
public sealed class ValidateTests : IDisposable
{
    private readonly FreshSample _sample = new();
    private SampleData Data => _sample.Data;

    public void Dispose() => _sample.Dispose();

    [Fact]
    public async Task Consistent_data_is_valid()
    {
        var result = await CliProcess.RunAsync(_sample.Env, "validate", "--json");

        CliAssert.Succeeded(result);
        Assert.True(result.Json().GetProperty("valid").GetBoolean(), result.ToString());
        Assert.Equal(3, result.Json().GetProperty("intents").GetInt32());
    }

    [Fact]
    public async Task A_changed_posting_makes_the_citation_stale_and_validate_names_it()
    {
        var cited = Data.Posting(SampleData.Widget).Passages.Single(p => p.Text.Contains("12 weeks")).Id;
        File.WriteAllText(Data.PostingFile(SampleData.Widget), SampleData.WidgetPosting.Replace("12 weeks", "14 weeks"));

        var result = await CliProcess.RunAsync(_sample.Env, "validate");

        CliAssert.NoStackTrace(result);
        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Contains(result.StdoutLines, line => line.StartsWith("error:") && line.Contains($"stale citation '{cited}'"));
    }

    [Fact]
    public async Task An_example_in_two_intents_is_invalid()
    {
        var faq = File.ReadAllText(Data.FaqFile);
        File.WriteAllText(Data.FaqFile, faq.Replace("\"Where is the office?\"", "\"How long is the internship\""));

        var result = await CliProcess.RunAsync(_sample.Env, "validate", "--json");

        CliAssert.NoStackTrace(result);
        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        var report = result.Json();
        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Contains(report.GetProperty("issues").EnumerateArray(),
            i => i.GetProperty("message").GetString()!.Contains("appears in both 'duration' and 'location'"));
    }
}
