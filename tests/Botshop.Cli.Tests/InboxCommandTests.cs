namespace Botshop.Cli.Tests;

/// <summary>`botshop inbox`: the logged questions that need a recruiter, grouped like the dashboard's inbox.</summary>
public sealed class InboxCommandTests(TrainedSample sample) : IClassFixture<TrainedSample>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Declined_questions_are_listed_in_groups_of_paraphrases()
    {
        var env = sample.CopyInto(_temp);
        var asked = await CliProcess.RunWithInputAsync(env,
            "Is there a stipend?\nhow much is the stipend\nDo you sponsor visas?\nHow long is the internship?\n",
            "ask", "--json", "--posting", SampleData.Widget);
        CliAssert.Succeeded(asked);
        var declined = asked.JsonLines().Where(l => !l.GetProperty("answered").GetBoolean()).Select(l => l.GetProperty("question").GetString()).ToList();
        Assert.Equal(["Is there a stipend?", "how much is the stipend", "Do you sponsor visas?"], declined);

        var inbox = await CliProcess.RunAsync(env, "inbox", "--json");

        CliAssert.Succeeded(inbox);
        var view = inbox.Json();
        Assert.Equal(3, view.GetProperty("questions").GetInt32());
        var groups = view.GetProperty("groups").EnumerateArray()
            .Select(g => g.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("text").GetString()).Order().ToArray())
            .ToList();
        Assert.Equal([["Is there a stipend?", "how much is the stipend"], ["Do you sponsor visas?"]], groups);
        var first = view.GetProperty("groups")[0];
        Assert.Equal(["cli"], first.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([SampleData.Widget], first.GetProperty("postings").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task The_table_shows_each_group_with_its_questions()
    {
        var env = sample.CopyInto(_temp);
        CliAssert.Succeeded(await CliProcess.RunAsync(env, "ask", "--posting", SampleData.Widget, "is there a [stipend]?"));

        var inbox = await CliProcess.RunAsync(env, "inbox");

        CliAssert.Succeeded(inbox);
        Assert.Contains("1 open question(s) in 1 group(s)", inbox.Stdout);
        // Brackets are Spectre markup: the candidate's text must come out as written (the table may wrap it).
        Assert.Contains("[stipend]?", inbox.Stdout);
    }
}
