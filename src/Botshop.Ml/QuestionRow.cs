using Botshop.Core.Knowledge;
using Microsoft.ML.Data;

namespace Botshop.Ml;

/// <summary>One row as ML.NET sees it. The only way rows are made, so training and serving normalise alike.</summary>
internal sealed class QuestionRow
{
    public string Text { get; set; } = "";

    /// <summary>Empty when predicting; the label mapping turns it into a missing key, which the scorer ignores.</summary>
    public string Intent { get; set; } = "";

    /// <summary>
    /// Training weight. Classes are balanced to equal total weight: the out-of-scope class is several times larger
    /// than any intent and would otherwise absorb in-scope questions that share its everyday words.
    /// </summary>
    public float Weight { get; set; } = 1f;

    public static QuestionRow ForTraining(LabeledQuestion example, float weight) =>
        new() { Text = TextNormalizer.Normalize(example.Text), Intent = example.Intent, Weight = weight };

    public static QuestionRow ForPrediction(string question) =>
        new() { Text = TextNormalizer.Normalize(question) };
}

/// <summary>The scorer's output: one probability per intent, in the order of the Score column's slot names.</summary>
internal sealed class ScoreRow
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
