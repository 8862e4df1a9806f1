using Botshop.Core.Text;

namespace Botshop.Core.Inbox;

/// <summary>
/// Groups inbox questions that ask the same thing: first by predicted intent, then by wording. Each question becomes
/// the set of its content words (<see cref="QuestionTokens"/>) as a unit vector, and joins the group whose centroid it
/// is most cosine-similar to, if at least <see cref="Similarity"/>, else starts a new one (greedy, in the order
/// given: the same batch always groups the same). Words are not weighted by rarity in the batch: questions are a few
/// words long and the word a topic's questions share is the commonest one among them, which IDF would weigh least.
/// </summary>
public sealed class QuestionGrouper(double similarity = QuestionGrouper.DefaultSimilarity)
{
    /// <summary>
    /// Half: two short questions sharing one of their two content words ("paid vacation?", "vacation days") meet it;
    /// one sharing a single word of three with a group does not. Lower joins more, and joins more topics wrongly.
    /// </summary>
    public const double DefaultSimilarity = 0.5;

    // Cosines of unit vectors land a rounding error either side of exact values such as 0.5.
    private const double Tolerance = 1e-9;

    public double Similarity { get; } = similarity is > 0 and <= 1
        ? similarity
        : throw new ArgumentOutOfRangeException(nameof(similarity), "Similarity must be in (0, 1].");

    /// <summary>Groups, largest first (then the most recently asked first).</summary>
    public IReadOnlyList<QuestionGroup> Group(IReadOnlyList<InboxQuestion> questions)
    {
        var tokens = questions.Select(q => QuestionTokens.For(q.Text)).ToList();
        var clusters = new List<Cluster>();
        // Only clusters sharing a word with the question can reach the threshold: look those up, not every cluster.
        var byStem = new Dictionary<(string? Intent, string Stem), List<Cluster>>();
        var wordless = new Dictionary<(string? Intent, string Key), Cluster>();
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var vector = Vector(tokens[i]);
            Cluster? best;
            if (vector.Count == 0)
            {
                // Nothing to weigh ("???", "hello?"): only the very same words belong together.
                var key = (question.Intent, QuestionText.Normalise(question.Text));
                if (!wordless.TryGetValue(key, out best)) clusters.Add(wordless[key] = best = new Cluster(question.Intent, clusters.Count));
            }
            else
            {
                best = vector.Keys
                    .SelectMany(stem => byStem.GetValueOrDefault((question.Intent, stem)) ?? [])
                    .Distinct()
                    .Select(c => (Cluster: c, Score: c.Cosine(vector)))
                    .Where(x => x.Score >= Similarity - Tolerance)
                    .OrderByDescending(x => x.Score)
                    .ThenBy(x => x.Cluster.Ordinal)
                    .Select(x => x.Cluster)
                    .FirstOrDefault();
                if (best is null) clusters.Add(best = new Cluster(question.Intent, clusters.Count));
                foreach (var stem in vector.Keys.Where(s => !best.Has(s)))
                {
                    if (!byStem.TryGetValue((question.Intent, stem), out var list)) byStem[(question.Intent, stem)] = list = [];
                    list.Add(best);
                }
            }
            best.Add(question, vector, tokens[i]);
        }
        return clusters
            .Select(c => new QuestionGroup(c.Intent, c.Questions, c.KeyTerms()))
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.Newest)
            .ToList();
    }

    private static Dictionary<string, double> Vector(IReadOnlyList<(string Stem, string Word)> tokens)
    {
        var stems = tokens.Select(t => t.Stem).Distinct(StringComparer.Ordinal).ToList();
        var weight = 1.0 / Math.Sqrt(stems.Count);
        return stems.ToDictionary(s => s, _ => weight, StringComparer.Ordinal);
    }

    private sealed class Cluster(string? intent, int ordinal)
    {
        private readonly Dictionary<string, double> _sum = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, int>> _surface = new(StringComparer.Ordinal);
        private double _norm;

        public string? Intent { get; } = intent;
        public int Ordinal { get; } = ordinal;
        public List<InboxQuestion> Questions { get; } = [];

        public bool Has(string stem) => _sum.ContainsKey(stem);

        public void Add(InboxQuestion question, Dictionary<string, double> vector, IReadOnlyList<(string Stem, string Word)> tokens)
        {
            Questions.Add(question);
            foreach (var (stem, weight) in vector) _sum[stem] = _sum.GetValueOrDefault(stem) + weight;
            _norm = Math.Sqrt(_sum.Values.Sum(v => v * v));
            foreach (var (stem, word) in tokens)
            {
                if (!_surface.TryGetValue(stem, out var words)) _surface[stem] = words = new(StringComparer.Ordinal);
                words[word] = words.GetValueOrDefault(word) + 1;
            }
        }

        /// <summary>Cosine between a unit vector and the centroid (the sum of the members' unit vectors).</summary>
        public double Cosine(Dictionary<string, double> vector) =>
            _norm == 0 ? 0 : vector.Sum(p => p.Value * _sum.GetValueOrDefault(p.Key)) / _norm;

        public IReadOnlyList<string> KeyTerms() => _sum
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(3)
            .Select(p => _surface[p.Key].OrderByDescending(w => w.Value).ThenBy(w => w.Key.Length).ThenBy(w => w.Key, StringComparer.Ordinal).First().Key)
            .ToList();
    }
}
