using Botshop.Core.Answering;
using Botshop.Core.Knowledge;

namespace Botshop.Ml.Tests;

/// <summary>One training run on the sample data, shared read-only by the tests that only look at its result.</summary>
public sealed class TrainedModelFixture
{
    public static readonly TrainingOptions Options = new(Folds: 5, Seed: 42);

    public TrainedModelFixture()
    {
        Examples = SampleQuestions.Load();
        Result = new IntentModelTrainer().Train(Examples, Options);
        Classifier = IntentModel.Load(Result.ModelBytes);
    }

    public IReadOnlyList<LabeledQuestion> Examples { get; }
    public TrainingResult Result { get; }
    public IIntentClassifier Classifier { get; }

    /// <summary>Questions that are in no training set, for comparing predictions between models.</summary>
    public static readonly string[] Probes =
    [
        "how lnog is the intership", "Could I work from my flat in Berlin?", "when do applications shut",
        "is a bachelor degree enough", "what is the pay", "hi there", "Do I start in spring?", "",
    ];
}
