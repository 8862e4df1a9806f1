using Botshop.Core.Knowledge;

namespace Botshop.Ml.Tests;

public class EvaluationTests(TrainedModelFixture trained) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Report_numbers_are_consistent_with_the_data()
    {
        var report = trained.Result.Report;
        var examples = trained.Examples;

        Assert.Equal(examples.Count, report.Examples);
        Assert.Equal(5, report.Folds);
        Assert.Equal(examples.Count, report.PerIntent.Sum(m => m.Support));
        foreach (var group in examples.GroupBy(e => e.Intent))
            Assert.Equal(group.Count(), report.PerIntent.Single(m => m.Intent == group.Key).Support);
        Assert.Equal(report.PerIntent.Average(m => m.F1), report.MacroF1, 9);

        // In-scope accuracy is the support-weighted recall of the in-scope intents.
        var inScope = report.PerIntent.Where(m => m.Intent != Intent.OutOfScope).ToList();
        Assert.Equal(inScope.Sum(m => m.Recall * m.Support) / inScope.Sum(m => m.Support), report.InScopeAccuracy, 9);
        // Answering is argmax minus what the threshold and margin hold back.
        Assert.True(report.AnsweredCorrectRate <= report.InScopeAccuracy + 1e-9);

        Assert.Equal(trained.Result.Policy.Threshold, report.Threshold);
        Assert.Equal(trained.Result.Policy.AmbiguityMargin, report.AmbiguityMargin);
        Assert.Equal(trained.Result.Trainer, report.Trainer);
        Assert.Equal(IntentTrainers.All.Order(), report.TrainerComparison.Select(t => t.Trainer).Order());
        Assert.All(report.MostConfused, p => Assert.NotEqual(p.Expected, p.Predicted));
    }

    [Fact]
    public void Tuned_policy_reaches_the_out_of_scope_target_on_the_sample()
    {
        Assert.True(trained.Result.Report.OutOfScopeRecall >= TrainedModelFixture.Options.TargetOutOfScopeRecall,
            $"OOS recall {trained.Result.Report.OutOfScopeRecall:P1}");
    }

    [Fact]
    public void Evaluate_reports_what_Train_reports_and_shows_progress_to_the_end()
    {
        var steps = new List<TrainingProgress>();
        var report = new IntentModelTrainer().Evaluate(trained.Examples, TrainedModelFixture.Options, new SynchronousProgress(steps.Add));

        Assert.Equal(IntentModelTests.WithoutTimings(trained.Result.Report), IntentModelTests.WithoutTimings(report));
        Assert.Equal(steps.Select(s => s.Step).Order(), steps.Select(s => s.Step));
        Assert.Equal(steps[^1].TotalSteps, steps[^1].Step);
        Assert.Equal(IntentTrainers.All.Count * 5, steps[^1].TotalSteps);
    }

    [Fact]
    public void Training_without_out_of_scope_examples_is_refused()
    {
        var inScopeOnly = trained.Examples.Where(e => e.Intent != Intent.OutOfScope).ToList();

        var error = Assert.Throws<ArgumentException>(() => new IntentModelTrainer().Evaluate(inScopeOnly, TrainedModelFixture.Options));
        Assert.Contains(Intent.OutOfScope, error.Message);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test needs the reports in order, on the spot.</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
