using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Botshop.Core.Answering;
using Botshop.Ml;

namespace Botshop.Benchmarks;

/// <summary>One question through the served path (normalise, featurise, score, rank). BenchmarkDotNet percentiles
/// are over iteration means; the "latency" mode of Program measures every single call for a true p99.</summary>
[Config(typeof(LatencyColumns))]
[MemoryDiagnoser]
public class PredictionBenchmarks
{
    private IIntentClassifier _classifier = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var (examples, _) = BenchmarkData.Load();
        var trained = new IntentModelTrainer().Train(examples, new TrainingOptions(Trainers: [IntentTrainers.LbfgsMaximumEntropy]));
        _classifier = IntentModel.Load(trained.ModelBytes);
    }

    [Benchmark]
    public IntentPrediction PredictOneQuestion()
    {
        var questions = BenchmarkData.Questions;
        _next = (_next + 1) % questions.Length;
        return _classifier.Predict(questions[_next]);
    }

    private sealed class LatencyColumns : ManualConfig
    {
        public LatencyColumns() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
    }
}
