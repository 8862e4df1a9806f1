namespace Botshop.Core.Answering;

/// <summary>Intents ranked by the classifier's probability, best first; probabilities sum to about 1.</summary>
public sealed record IntentPrediction(IReadOnlyList<IntentScore> Ranked)
{
    public IntentScore Top => Ranked[0];
    public IntentScore? Second => Ranked.Count > 1 ? Ranked[1] : null;
}

public sealed record IntentScore(string Intent, float Probability);

/// <summary>Ranks intents for a question. Implementations must be safe to call from many threads.</summary>
public interface IIntentClassifier
{
    IntentPrediction Predict(string question);
}
