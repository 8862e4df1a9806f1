using System.Text.Json;
using Botshop.Ml;

namespace Botshop.Cli.Tests;

/// <summary>`botshop train --json`: the stored version's report, and the same data always giving the same model.</summary>
public sealed class TrainTests(TrainedSample sample) : IClassFixture<TrainedSample>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Train_json_reports_the_chosen_trainer_its_accuracy_and_both_trainers_compared()
    {
        var output = sample.Training.Json();

        Assert.True(output.GetProperty("version").GetInt64() > 0, sample.Training.ToString());
        var trainer = output.GetProperty("trainer").GetString();
        Assert.Contains(trainer, IntentTrainers.All);
        Assert.False(string.IsNullOrEmpty(output.GetProperty("dataHash").GetString()));
        var report = output.GetProperty("report");
        Assert.Equal(trainer, report.GetProperty("trainer").GetString());
        foreach (var field in new[] { "inScopeAccuracy", "macroF1", "outOfScopePrecision", "outOfScopeRecall", "answeredCorrectRate" })
            Assert.InRange(report.GetProperty(field).GetDouble(), 0, 1);
        Assert.Equal(SampleData.DurationExamples.Length + SampleData.LocationExamples.Length + SampleData.OutOfScopeExamples.Length,
            report.GetProperty("examples").GetInt32());
        var compared = report.GetProperty("trainerComparison").EnumerateArray().Select(t => t.GetProperty("trainer").GetString());
        Assert.Equal(IntentTrainers.All.Order(), compared.Order());
    }

    [Fact]
    public async Task Same_data_trained_twice_gives_identical_answers_and_confidences()
    {
        using var second = new TempFolder();
        var retrained = new CliEnvironment(second.File("botshop.db"), sample.Data.Folder, second.Path);
        var training = await CliProcess.RunAsync(retrained, "train", "--json");
        CliAssert.Succeeded(training);
        Assert.Equal(sample.Training.Json().GetProperty("dataHash").GetString(), training.Json().GetProperty("dataHash").GetString());
        var questions = "How long is the internship?\nWhere do I work?\nWhat is the pay?\nwhen does it end\nTell me about the team\nIs there a dog?\n";

        var first = await AskAllAsync(sample.CopyInto(_temp), questions);
        var again = await AskAllAsync(retrained, questions);

        Assert.Equal(6, first.Count);
        Assert.Equal(first, again);
    }

    private static async Task<List<string>> AskAllAsync(CliEnvironment env, string questions)
    {
        var result = await CliProcess.RunWithInputAsync(env, questions, "ask", "--json", "--posting", SampleData.Widget);
        CliAssert.Succeeded(result);
        // Everything a candidate would see or an evaluation would read, confidence to the last digit.
        return result.JsonLines().Select(r => string.Join(" | ",
            r.GetProperty("question").GetString(), r.GetProperty("kind").GetString(), r.GetProperty("intent").ToString(),
            r.GetProperty("confidence").GetRawText(), r.GetProperty("answer").GetString(),
            JsonSerializer.Serialize(r.GetProperty("choices")))).ToList();
    }
}
