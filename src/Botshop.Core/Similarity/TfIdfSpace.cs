namespace Botshop.Core.Similarity;

/// <summary>
/// TF-IDF vectors over one corpus (every passage of every posting), compared by cosine: a word shared by few
/// passages ("12", "Lisbon", "proposal") says more about two passages being alike than one in most ("internship").
/// </summary>
public sealed class TfIdfSpace
{
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly int _documents;

    public TfIdfSpace(IEnumerable<string> corpus)
    {
        foreach (var document in corpus)
        {
            _documents++;
            foreach (var word in Words.Of(document).Distinct(StringComparer.Ordinal))
                _documentFrequency[word] = _documentFrequency.GetValueOrDefault(word) + 1;
        }
    }

    /// <summary>The text's unit-length vector: (1 + log tf) · idf per word, idf smoothed so unseen words weigh most.</summary>
    public WordVector Vector(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in Words.Of(text)) counts[word] = counts.GetValueOrDefault(word) + 1;
        var weights = counts.ToDictionary(
            c => c.Key,
            c => (1 + Math.Log(c.Value)) * Idf(c.Key),
            StringComparer.Ordinal);
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0) foreach (var key in weights.Keys.ToList()) weights[key] /= norm;
        return new WordVector(weights);
    }

    public double Similarity(string a, string b) => Vector(a).Cosine(Vector(b));

    private double Idf(string word) => Math.Log((1.0 + _documents) / (1.0 + _documentFrequency.GetValueOrDefault(word))) + 1.0;
}

/// <summary>A sparse unit-length word vector; the cosine of two is their dot product (0 when either is empty).</summary>
public sealed class WordVector(IReadOnlyDictionary<string, double> weights)
{
    public bool IsEmpty => weights.Count == 0;

    public double Cosine(WordVector other)
    {
        var (small, large) = weights.Count <= other.Weights.Count ? (weights, other.Weights) : (other.Weights, weights);
        var dot = 0.0;
        foreach (var (word, w) in small)
            if (large.TryGetValue(word, out var v)) dot += w * v;
        return dot;
    }

    private IReadOnlyDictionary<string, double> Weights => weights;
}
