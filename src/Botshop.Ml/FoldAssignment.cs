using Botshop.Core.Knowledge;

namespace Botshop.Ml;

/// <summary>
/// Deterministic stratified k-fold split. Public so peers (the scikit-learn comparison script) score on exactly
/// the same folds as ML.NET.
/// </summary>
public static class FoldAssignment
{
    /// <summary>The fold (0..folds-1) of each example, in input order. Every intent is spread as evenly as possible
    /// over the folds, and fold sizes differ by at most one. The result depends only on the multiset of examples
    /// and the seed, not on the order they were given in.</summary>
    public static int[] Assign(IReadOnlyList<LabeledQuestion> examples, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var assignment = new int[examples.Count];
        var random = new Random(seed);
        var next = 0;
        foreach (var group in GroupsInCanonicalOrder(examples))
        {
            Shuffle(group, random);
            // Dealing continues where the previous intent stopped, which keeps the folds balanced in size too.
            foreach (var index in group)
            {
                assignment[index] = next;
                next = (next + 1) % folds;
            }
        }
        return assignment;
    }

    private static IEnumerable<int[]> GroupsInCanonicalOrder(IReadOnlyList<LabeledQuestion> examples) =>
        Enumerable.Range(0, examples.Count)
            .GroupBy(i => examples[i].Intent, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(i => examples[i].Text, StringComparer.Ordinal).ThenBy(i => i).ToArray());

    private static void Shuffle(int[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
