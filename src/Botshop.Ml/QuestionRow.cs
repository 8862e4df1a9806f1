using Botshop.Core.Knowledge;
using Microsoft.ML.Data;

namespace Botshop.Ml;

/// <summary>One row as ML.NET sees it. The only way rows are made, so training and serving normalise alike.</summary>
internal sealed class QuestionRow
{
    public string Text { get; set; } = "";

    /// <summary>Empty when predicting; the label mapping turns it into a missing key, which the scorer ignores.</summary>
    public string Intent { get; set; } = "";

    public static QuestionRow ForTraining(LabeledQuestion example) =>
        new() { Text = TextNormalizer.Normalize(example.Text), Intent = example.Intent };

    public static QuestionRow ForPrediction(string question) =>
        new() { Text = TextNormalizer.Normalize(question) };
}

/// <summary>The scorer's output: one probability per intent, in the order of the Score column's slot names.</summary>
internal sealed class ScoreRow
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
