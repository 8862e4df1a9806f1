using Botshop.Core.Knowledge;

namespace Botshop.Ml.Tests;

/// <summary>The in-test dataset: seven intents of about a dozen questions each plus 20 out_of_scope.</summary>
public static class SampleQuestions
{
    private static readonly Lazy<IReadOnlyList<LabeledQuestion>> All = new(() => Read(Path.Combine(AppContext.BaseDirectory, "SampleQuestions.tsv")));

    public static IReadOnlyList<LabeledQuestion> Load() => All.Value;

    public static IReadOnlyList<LabeledQuestion> Read(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => new LabeledQuestion(parts[1], parts[0]))
            .ToList();
}
