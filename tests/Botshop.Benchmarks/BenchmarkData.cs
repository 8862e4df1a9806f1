using Botshop.Core.Knowledge;
using Botshop.Knowledge;
using Botshop.Ml.Tests;

namespace Botshop.Benchmarks;

/// <summary>
/// Where the benchmarks get their questions. BOTSHOP_BENCH_DATA picks: "sample" for the test dataset, a folder for
/// that data folder, unset for the repository's data/ (falling back to the sample while data/faq/ has no examples).
/// An environment variable rather than an argument, because BenchmarkDotNet runs benchmarks in child processes.
/// </summary>
public static class BenchmarkData
{
    public const string Variable = "BOTSHOP_BENCH_DATA";

    public static (IReadOnlyList<LabeledQuestion> Examples, string Source) Load()
    {
        var choice = Environment.GetEnvironmentVariable(Variable);
        if (choice == "sample")
            return (SampleQuestions.Load(), "sample");

        var folder = DataFolder.Locate(choice);
        var faq = Path.Combine(folder, "faq");
        if (choice is null && (!Directory.Exists(faq) || !Directory.EnumerateFiles(faq, "*.yaml").Any()))
            return (SampleQuestions.Load(), $"sample ({folder}/faq has no intents yet)");
        var loaded = KnowledgeLoader.Load(folder);
        var examples = loaded.Knowledge.TrainingExamples().ToList();
        return (examples, $"{folder} ({loaded.Knowledge.Intents.Count} intents)");
    }

    /// <summary>Questions no training set holds, typos and all, as candidates type them.</summary>
    public static readonly string[] Questions =
    [
        "how long is the intership?", "Can I work from home on Fridays?", "When do applications close for this role?",
        "Do I need a PhD to apply?", "What is the salary?", "Where is the office?", "When would I start?",
        "What documents do I need to send with my application?",
    ];
}
