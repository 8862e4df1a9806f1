namespace Botshop.Cli.Tests;

/// <summary>`ask --json` without a question: one question a line from stdin, one JSON object a line back.</summary>
public sealed class AskStdinTests(TrainedSample sample) : IClassFixture<TrainedSample>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Each_question_gets_one_json_line_in_input_order_and_blank_lines_are_skipped()
    {
        string[] questions = ["How long is the internship?", "What is the salary?", "Where is the office?", "Tell me a joke"];
        var input = string.Join("\n\n   \n", questions) + "\n\n";

        var result = await CliProcess.RunWithInputAsync(sample.CopyInto(_temp), input, "ask", "--json", "--posting", SampleData.Widget);

        CliAssert.Succeeded(result);
        var replies = result.JsonLines();
        Assert.Equal(questions, replies.Select(r => r.GetProperty("question").GetString()));
        Assert.All(replies, r => Assert.Equal(SampleData.Widget, r.GetProperty("posting").GetString()));
    }

    [Fact]
    public async Task Over_long_line_is_reported_by_number_and_the_other_lines_are_still_answered()
    {
        var input = $"How long is the internship?\n\n{new string('x', 2001)}\nWhere is the office?\n";

        var result = await CliProcess.RunWithInputAsync(sample.CopyInto(_temp), input, "ask", "--json", "--posting", SampleData.Widget);

        var error = CliAssert.OneLineError(result);
        Assert.Contains("line 3", error);
        Assert.Contains("2001", error);
        Assert.Equal(["How long is the internship?", "Where is the office?"],
            result.JsonLines().Select(r => r.GetProperty("question").GetString()));
    }
}
