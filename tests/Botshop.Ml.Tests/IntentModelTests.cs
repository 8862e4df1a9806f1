using Botshop.Core.Answering;
using Botshop.Core.Knowledge;

namespace Botshop.Ml.Tests;

public class IntentModelTests(TrainedModelFixture trained) : IClassFixture<TrainedModelFixture>
{
    [Theory]
    [InlineData("In which city would I be working?", "location")]
    [InlineData("Is it possible to work from home some days?", "remote")]
    [InlineData("What is the last date I can send my application?", "deadline")]
    [InlineData("how lnog does the intership last", "duration")]
    [InlineData("Which skills must candidates have?", "requirements")]
    [InlineData("How do I send in my application?", "apply")]
    public void Unseen_paraphrase_lands_on_its_intent(string question, string intent)
    {
        var prediction = trained.Classifier.Predict(question);

        Assert.Equal(intent, prediction.Top.Intent);
    }

    [Theory]
    [InlineData("Can you recommend a good movie?")]
    [InlineData("What is the capital of France?")]
    public void Off_topic_question_is_declined_by_the_tuned_policy(string question)
    {
        var decision = trained.Result.Policy.Decide(trained.Classifier.Predict(question));

        Assert.Equal(DecisionKind.OutOfScope, decision.Kind);
    }

    [Fact]
    public void Prediction_ranks_every_intent_with_probabilities_summing_to_one()
    {
        var prediction = trained.Classifier.Predict("When does it start?");

        var intents = trained.Examples.Select(e => e.Intent).Distinct().Order().ToList();
        Assert.Equal(intents, prediction.Ranked.Select(s => s.Intent).Order().ToList());
        Assert.Equal(prediction.Ranked.OrderByDescending(s => s.Probability).Select(s => s.Probability), prediction.Ranked.Select(s => s.Probability));
        Assert.InRange(prediction.Ranked.Sum(s => s.Probability), 0.999f, 1.001f);
    }

    [Fact]
    public void Saved_and_loaded_model_predicts_exactly_like_the_fitted_one()
    {
        var fitted = CrossValidator.Fit(trained.Examples, IntentTrainers.LbfgsMaximumEntropy, seed: 42, out var ml, out var schema);
        var inMemory = new PooledIntentClassifier(ml, fitted);

        var loaded = IntentModel.Load(IntentModel.Save(ml, fitted, schema));

        // A degenerate model (all weights regularised away) would trivially "agree" with itself.
        Assert.True(TrainedModelFixture.Probes.Select(p => inMemory.Predict(p).Top.Intent).Distinct().Count() > 2);
        foreach (var probe in TrainedModelFixture.Probes)
            Assert.Equal(inMemory.Predict(probe).Ranked, loaded.Predict(probe).Ranked);
    }

    [Fact]
    public void Training_twice_on_the_same_data_gives_identical_predictions_and_report()
    {
        var again = new IntentModelTrainer().Train(trained.Examples.Reverse().ToList(), TrainedModelFixture.Options);
        var classifier = IntentModel.Load(again.ModelBytes);

        foreach (var probe in TrainedModelFixture.Probes)
            Assert.Equal(trained.Classifier.Predict(probe).Ranked, classifier.Predict(probe).Ranked);
        Assert.Equal(trained.Result.Policy, again.Policy);
        Assert.Equal(trained.Result.DataHash, again.DataHash);
        Assert.Equal(WithoutTimings(trained.Result.Report), WithoutTimings(again.Report));
    }

    [Fact]
    public void Concurrent_predictions_match_sequential_ones()
    {
        var questions = Enumerable.Range(0, 400).Select(i => TrainedModelFixture.Probes[i % TrainedModelFixture.Probes.Length]).ToArray();
        var sequential = questions.Select(q => trained.Classifier.Predict(q).Ranked).ToArray();

        var parallel = new IReadOnlyList<IntentScore>[questions.Length];
        Parallel.For(0, questions.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i] = trained.Classifier.Predict(questions[i]).Ranked);

        for (var i = 0; i < questions.Length; i++)
            Assert.Equal(sequential[i], parallel[i]);
    }

    internal static string WithoutTimings(Botshop.Core.Models.EvaluationReport report) =>
        System.Text.Json.JsonSerializer.Serialize(report with { TrainerComparison = report.TrainerComparison.Select(t => t with { Seconds = 0 }).ToList() });
}
