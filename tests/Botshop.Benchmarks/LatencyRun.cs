using System.Diagnostics;
using Botshop.Ml;

namespace Botshop.Benchmarks;

/// <summary>Times every single prediction (not iteration means), for an honest per-question median and p99.</summary>
public static class LatencyRun
{
    public static void Run(int calls)
    {
        var (examples, source) = BenchmarkData.Load();
        var trained = new IntentModelTrainer().Train(examples, new TrainingOptions(Trainers: [IntentTrainers.LbfgsMaximumEntropy]));
        var classifier = IntentModel.Load(trained.ModelBytes);
        var questions = BenchmarkData.Questions;

        for (var i = 0; i < 20_000; i++)
            classifier.Predict(questions[i % questions.Length]); // warm-up: JIT tiers, pool

        var ticks = new long[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            classifier.Predict(questions[i % questions.Length]);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        Array.Sort(ticks);
        double Micros(double p) => ticks[(int)Math.Min(calls - 1, Math.Ceiling(p * calls) - 1)] * 1e6 / Stopwatch.Frequency;
        Console.WriteLine($"data: {source}, {examples.Count} examples; {calls} single-question predictions, one thread");
        Console.WriteLine($"median {Micros(0.50):F1} µs, p90 {Micros(0.90):F1} µs, p99 {Micros(0.99):F1} µs, max {Micros(1.0):F1} µs");
    }
}
