using System.Text;
using Botshop.Ml;

namespace Botshop.Benchmarks;

/// <summary>Writes text,intent,fold so the scikit-learn peer (peer/sklearn_compare.py) scores on the same folds.</summary>
public static class FoldExport
{
    public static void Write(string path, int folds, int seed)
    {
        var (examples, source) = BenchmarkData.Load();
        var assignment = FoldAssignment.Assign(examples, folds, seed);
        var csv = new StringBuilder("text,intent,fold\n");
        for (var i = 0; i < examples.Count; i++)
            csv.Append(Quote(examples[i].Text)).Append(',').Append(Quote(examples[i].Intent)).Append(',').Append(assignment[i]).Append('\n');
        File.WriteAllText(path, csv.ToString(), new UTF8Encoding(false));
        Console.WriteLine($"wrote {examples.Count} examples in {folds} folds (seed {seed}) from {source} to {path}");
    }

    // RFC 4180: always quoted, inner quotes doubled, so commas and quotes in questions survive.
    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
}
