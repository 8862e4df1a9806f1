using Botshop.Core.Answering;
using Botshop.Core.Knowledge;

namespace Botshop.Core.Models;

/// <summary>Where a regression question comes from.</summary>
public enum RegressionSource
{
    /// <summary>A logged candidate question a recruiter labelled with its intent.</summary>
    Labelled,

    /// <summary>A question from the frozen held-out file in data/regression, never trained on.</summary>
    HeldOut,
}

/// <summary>A question with the intent it should get; <see cref="Intent.OutOfScope"/> means it should be declined.</summary>
public sealed record RegressionQuestion(string Text, string Intent, RegressionSource Source);

/// <summary>What a regression set was made of, kept in the gate report so scores are read against the right set.</summary>
/// <param name="HeldOutSkipped">Held-out questions left out because their intent is not in the live knowledge (or they became training examples).</param>
/// <param name="HeldOutSha256">SHA-256 of the held-out file as read; "none" when there is no file.</param>
public sealed record RegressionSetInfo(int Labelled, int HeldOut, int HeldOutSkipped, string HeldOutSha256);

/// <summary>
/// The questions the regression gate scores every version on, the same for both versions at one gate: every labelled
/// logged question plus the held-out questions.
/// </summary>
public sealed record RegressionSet(IReadOnlyList<RegressionQuestion> Questions, RegressionSetInfo Info)
{
    /// <summary>
    /// Scores what candidates would get: the served decision (classifier, threshold, margin). An in-scope question
    /// counts when it is answered with its intent, an out-of-scope one when it is declined; asking back
    /// ("did you mean") counts as neither, as in the cross-validated answered-correct rate.
    /// </summary>
    public RegressionScore Score(IIntentClassifier classifier, DecisionPolicy policy)
    {
        int labelled = 0, labelledRight = 0, heldOut = 0, heldOutRight = 0;
        foreach (var question in Questions)
        {
            var decision = policy.Decide(classifier.Predict(question.Text));
            var right = question.Intent == Intent.OutOfScope
                ? decision.Kind == DecisionKind.OutOfScope
                : decision.Kind == DecisionKind.Intent && decision.Intent == question.Intent;
            if (question.Source == RegressionSource.Labelled)
            {
                labelled++;
                if (right) labelledRight++;
            }
            else
            {
                heldOut++;
                if (right) heldOutRight++;
            }
        }
        return new RegressionScore(labelledRight + heldOutRight, labelled + heldOut, labelledRight, labelled, heldOutRight, heldOut);
    }
}

/// <summary>How many regression questions a version got right, overall and per source.</summary>
public sealed record RegressionScore(int Correct, int Total, int LabelledCorrect, int LabelledTotal, int HeldOutCorrect, int HeldOutTotal)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;
}
