using Botshop.Core.Knowledge;

namespace Botshop.Core.Answering;

/// <summary>
/// How a ranked prediction becomes a decision. Shared by the answer path and by threshold tuning, so the
/// numbers measured in cross-validation are the numbers served.
/// </summary>
/// <param name="Threshold">Below this top probability the bot declines instead of guessing.</param>
/// <param name="AmbiguityMargin">When the top two in-scope intents are closer than this, the bot asks which was meant.</param>
public sealed record DecisionPolicy(float Threshold, float AmbiguityMargin)
{
    public Decision Decide(IntentPrediction prediction)
    {
        var top = prediction.Top;
        if (top.Intent == Intent.OutOfScope || top.Probability < Threshold)
            return new Decision(DecisionKind.OutOfScope, top.Intent, top.Probability, []);

        var second = prediction.Second;
        if (second is not null && second.Intent != Intent.OutOfScope && top.Probability - second.Probability < AmbiguityMargin)
            return new Decision(DecisionKind.Ambiguous, top.Intent, top.Probability, [top.Intent, second.Intent]);

        return new Decision(DecisionKind.Intent, top.Intent, top.Probability, []);
    }
}

public enum DecisionKind { Intent, OutOfScope, Ambiguous }

/// <param name="Alternatives">For <see cref="DecisionKind.Ambiguous"/>: the intents to offer, best first.</param>
public sealed record Decision(DecisionKind Kind, string Intent, float Confidence, IReadOnlyList<string> Alternatives);
