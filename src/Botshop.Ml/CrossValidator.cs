using System.Diagnostics;
using Botshop.Core.Answering;
using Botshop.Core.Knowledge;
using Microsoft.ML;

namespace Botshop.Ml;

/// <summary>Out-of-fold predictions for every example: each one ranked by a model that never saw it.</summary>
internal sealed record OutOfFold(string Trainer, IReadOnlyList<IntentPrediction> Predictions, double Seconds);

internal static class CrossValidator
{
    public static OutOfFold Run(
        IReadOnlyList<LabeledQuestion> examples, int[] folds, int foldCount, string trainer, int seed, Action<int> foldDone)
    {
        var watch = Stopwatch.StartNew();
        var predictions = new IntentPrediction[examples.Count];
        for (var fold = 0; fold < foldCount; fold++)
        {
            var training = examples.Where((_, i) => folds[i] != fold).ToList();
            // The served path, minus the zip round trip (which the tests show to be lossless).
            var model = Fit(training, trainer, seed, out var ml, out _);
            var classifier = new PooledIntentClassifier(ml, model);
            for (var i = 0; i < examples.Count; i++)
            {
                if (folds[i] == fold)
                    predictions[i] = classifier.Predict(examples[i].Text);
            }
            foldDone(fold);
        }
        return new OutOfFold(trainer, predictions, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Fits the pipeline with a fresh seeded context, so a fit never depends on what ran before it, on rows
    /// in canonical order, so the same examples read in another order give the same model (and the same DataHash).</summary>
    public static ITransformer Fit(IReadOnlyList<LabeledQuestion> examples, string trainer, int seed, out MLContext ml, out DataViewSchema inputSchema)
    {
        ml = new MLContext(seed);
        var counts = examples.GroupBy(e => e.Intent).ToDictionary(g => g.Key, g => g.Count());
        var rows = examples
            .OrderBy(e => e.Intent, StringComparer.Ordinal)
            .ThenBy(e => e.Text, StringComparer.Ordinal)
            .Select(e => QuestionRow.ForTraining(e, (float)examples.Count / (counts.Count * counts[e.Intent])))
            .ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        inputSchema = data.Schema;
        return IntentPipeline.Build(ml, trainer).Fit(data);
    }
}
