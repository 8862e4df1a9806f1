namespace Botshop.Core.Inbox;

/// <summary>How the inbox picks and groups questions.</summary>
/// <param name="ConfidenceBelow">Answered questions below this confidence need a look; null: the served model's threshold + 0.1.</param>
/// <param name="MaxQuestions">The newest open questions grouped on one page; older ones wait until these are decided.</param>
/// <param name="Similarity">Cosine similarity (0–1] a question needs to join a group (<see cref="QuestionGrouper"/>).</param>
public sealed record InboxSettings(float? ConfidenceBelow = null, int MaxQuestions = 500, double Similarity = QuestionGrouper.DefaultSimilarity)
{
    /// <summary>With no model served yet, answers below this confidence are shown.</summary>
    public const float FallbackConfidenceBelow = 0.6f;

    /// <summary>How far above the decline threshold an answer still counts as shaky.</summary>
    public const float MarginAboveThreshold = 0.1f;

    /// <summary>One decision covers at most this many questions.</summary>
    public const int MaxPerAction = 500;
}
