using System.Diagnostics;
using System.Text.Json;
using Botshop.Ml;

namespace Botshop.Benchmarks;

/// <summary>A timed training run that prints the cross-validated report, both trainers compared.</summary>
public static class TrainingRun
{
    public static void Run(int folds)
    {
        var (examples, source) = BenchmarkData.Load();
        // BOTSHOP_BENCH_TRAINER=LbfgsMaximumEntropy cross-validates that trainer alone: half the time for experiments.
        var only = Environment.GetEnvironmentVariable("BOTSHOP_BENCH_TRAINER");
        var watch = Stopwatch.StartNew();
        var result = new IntentModelTrainer().Train(examples, new TrainingOptions(Folds: folds, Trainers: string.IsNullOrEmpty(only) ? null : [only]));
        watch.Stop();

        var r = result.Report;
        Console.WriteLine($"data: {source}, {examples.Count} examples, hash {result.DataHash[..12]}");
        Console.WriteLine($"total {watch.Elapsed.TotalSeconds:F1} s ({folds}-fold CV of each trainer + final fit), model {result.ModelBytes.Length / 1024} KiB");
        foreach (var t in r.TrainerComparison)
            Console.WriteLine($"  {t.Trainer,-20} in-scope acc {t.InScopeAccuracy:P1}  macro-F1 {t.MacroF1:F3}  OOS recall {t.OutOfScopeRecall:P1}  CV {t.Seconds:F1} s");
        Console.WriteLine($"chosen {r.Trainer}: threshold {r.Threshold:F2}, margin {r.AmbiguityMargin:F2}, in-scope acc {r.InScopeAccuracy:P1}, macro-F1 {r.MacroF1:F3}, " +
                          $"OOS recall {r.OutOfScopeRecall:P1}, OOS precision {r.OutOfScopePrecision:P1}, answered-correct {r.AnsweredCorrectRate:P1}");
        Console.WriteLine("most confused: " + string.Join("; ", r.MostConfused.Take(5).Select(p => $"{p.Expected}->{p.Predicted} x{p.Count}")));
        if (Environment.GetEnvironmentVariable("BOTSHOP_BENCH_JSON") == "1")
            Console.WriteLine(JsonSerializer.Serialize(r, new JsonSerializerOptions { WriteIndented = true }));
    }
}
