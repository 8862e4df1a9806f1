using Botshop.Knowledge;

namespace Botshop.Cli.Tests;

/// <summary>The repository's own data/: the postings and FAQ the product ships with, trained once.</summary>
public sealed class RealDataTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Salary_question_is_declined_for_both_real_postings()
    {
        var data = DataFolder.Locate(null);
        var env = new CliEnvironment(_temp.File("botshop.db"), data, _temp.Path);

        // The first ask trains on the real FAQ; the second reuses the stored model.
        foreach (var posting in new[] { "research-intern-london", "phd-research-intern-europe" })
        {
            var result = await CliProcess.RunAsync(env, "ask", "--json", "--posting", posting, "how much does this internship pay?");

            CliAssert.Succeeded(result);
            var reply = Assert.Single(result.JsonLines());
            Assert.Equal(posting, reply.GetProperty("posting").GetString());
            Assert.False(reply.GetProperty("answered").GetBoolean(), $"{posting}: {reply}");
            Assert.Empty(reply.GetProperty("sources").EnumerateArray());
        }
    }
}
