using Botshop.Core.Knowledge;

namespace Botshop.Ml.Tests;

public class FoldAssignmentTests
{
    private static readonly IReadOnlyList<LabeledQuestion> Examples = SampleQuestions.Load();

    [Fact]
    public void Every_intent_is_spread_evenly_over_the_folds()
    {
        var folds = FoldAssignment.Assign(Examples, 5, seed: 42);

        foreach (var group in Enumerable.Range(0, Examples.Count).GroupBy(i => Examples[i].Intent))
        {
            var perFold = Enumerable.Range(0, 5).Select(f => group.Count(i => folds[i] == f)).ToList();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"{group.Key}: {string.Join(",", perFold)}");
        }
        var sizes = Enumerable.Range(0, 5).Select(f => folds.Count(x => x == f)).ToList();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
    }

    [Fact]
    public void Same_seed_gives_the_same_folds_whatever_the_input_order()
    {
        var reversed = Examples.Reverse().ToList();

        var original = FoldAssignment.Assign(Examples, 5, seed: 42);
        var fromReversed = FoldAssignment.Assign(reversed, 5, seed: 42);

        for (var i = 0; i < Examples.Count; i++)
            Assert.Equal(original[i], fromReversed[Examples.Count - 1 - i]);
    }

    [Fact]
    public void Another_seed_gives_other_folds()
    {
        Assert.NotEqual(FoldAssignment.Assign(Examples, 5, seed: 42), FoldAssignment.Assign(Examples, 5, seed: 7));
    }
}
