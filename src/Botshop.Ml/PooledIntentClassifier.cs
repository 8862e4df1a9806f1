using Botshop.Core.Answering;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Botshop.Ml;

/// <summary>
/// Serves a fitted model to many threads. A PredictionEngine is not thread-safe, so each call borrows one from a
/// pool; the pool grows to the number of concurrent callers and keeps engines for reuse.
/// </summary>
internal sealed class PooledIntentClassifier : IIntentClassifier
{
    private readonly ObjectPool<PredictionEngine<QuestionRow, ScoreRow>> _engines;
    private readonly string[] _labels;

    public PooledIntentClassifier(MLContext ml, ITransformer model)
    {
        var policy = new EnginePolicy(ml, model);
        _engines = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }.Create(policy);
        var first = policy.Create();
        _labels = ReadLabels(first);
        _engines.Return(first);
    }

    public IReadOnlyList<string> Labels => _labels;

    public IntentPrediction Predict(string question)
    {
        var row = QuestionRow.ForPrediction(question);
        var engine = _engines.Get();
        float[] scores;
        try
        {
            scores = engine.Predict(row).Score;
        }
        finally
        {
            _engines.Return(engine);
        }
        return Rank(scores);
    }

    private IntentPrediction Rank(float[] scores)
    {
        var ranked = new IntentScore[_labels.Length];
        for (var i = 0; i < ranked.Length; i++)
            ranked[i] = new IntentScore(_labels[i], scores[i]);
        // Stable and total: equal probabilities fall back to the label order, so ties never flip between runs.
        Array.Sort(ranked, static (a, b) =>
        {
            var byProbability = b.Probability.CompareTo(a.Probability);
            return byProbability != 0 ? byProbability : string.CompareOrdinal(a.Intent, b.Intent);
        });
        return new IntentPrediction(ranked);
    }

    /// <summary>The intent names in Score order, from the slot names the trainer copies from the label's key values.</summary>
    private static string[] ReadLabels(PredictionEngine<QuestionRow, ScoreRow> engine)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        var labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        if (labels.Length == 0 || labels.Any(string.IsNullOrEmpty))
            throw new InvalidOperationException("The model's Score column carries no intent names.");
        return labels;
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : IPooledObjectPolicy<PredictionEngine<QuestionRow, ScoreRow>>
    {
        public PredictionEngine<QuestionRow, ScoreRow> Create() => ml.Model.CreatePredictionEngine<QuestionRow, ScoreRow>(model);

        public bool Return(PredictionEngine<QuestionRow, ScoreRow> obj) => true;
    }
}
