using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace Botshop.Ml;

/// <summary>The ML.NET pipeline: label to key, word and character n-grams, then a maximum-entropy trainer.</summary>
internal static class IntentPipeline
{
    private const float SdcaL2 = 1e-3f;
    private const float LbfgsL2 = 1e-3f;

    public static IEstimator<ITransformer> Build(MLContext ml, string trainer) =>
        // ByValue: the label order (and so the Score slots) depends on the intent names, not on example order.
        ml.Transforms.Conversion.MapValueToKey("Label", nameof(QuestionRow.Intent), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Text.FeaturizeText("Features", Featurizer(), nameof(QuestionRow.Text)))
            .Append(Trainer(ml, trainer));

    private static TextFeaturizingEstimator.Options Featurizer() => new()
    {
        // TextNormalizer has already lowercased and stripped punctuation and diacritics.
        CaseMode = TextNormalizingEstimator.CaseMode.None,
        KeepDiacritics = true,
        KeepPunctuations = true,
        KeepNumbers = true,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
        // Character grams make typos ("intership", "stipned") still share most features with the right word.
        CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    // One thread each: multi-threaded SDCA and L-BFGS are not bit-for-bit reproducible.
    // Regularisation: the defaults (L-BFGS L1 = L2 = 1) shrink every weight on L2-normalised n-gram vectors to
    // nothing and predict the biggest class. L-BFGS L2 swept 1e-2, 3e-3, 1e-3, 3e-4 on the shipped FAQ: 1e-3 took
    // nearly all the gain (in-scope 89.7 -> 90.2 %) while regularising more than 3e-4 (docs/benchmarks.md, "Classifier").
    private static IEstimator<ITransformer> Trainer(MLContext ml, string trainer) => trainer switch
    {
        IntentTrainers.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, ExampleWeightColumnName = nameof(QuestionRow.Weight), L2Regularization = SdcaL2 }),
        IntentTrainers.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, ExampleWeightColumnName = nameof(QuestionRow.Weight), L2Regularization = LbfgsL2, L1Regularization = 0 }),
        _ => throw new ArgumentException($"Unknown trainer '{trainer}'. Known: {string.Join(", ", IntentTrainers.All)}.", nameof(trainer)),
    };
}
