using Botshop.Core.Inbox;

namespace Botshop.Hosting;

/// <summary>Inbox settings (section "Admin"): which answered questions count as shaky, and how questions are grouped.</summary>
public sealed class InboxOptions
{
    public const string Section = "Admin";

    /// <summary>Answered questions below this confidence are in the inbox; empty: the served model's threshold + 0.1.</summary>
    public double? InboxConfidenceBelow { get; set; }

    /// <summary>The newest open questions grouped on the inbox page.</summary>
    public int InboxMaxQuestions { get; set; } = 500;

    /// <summary>Cosine similarity a question needs to join a group: higher makes more, tighter groups.</summary>
    public double InboxGroupSimilarity { get; set; } = QuestionGrouper.DefaultSimilarity;

    public InboxSettings ToSettings() => new((float?)InboxConfidenceBelow, InboxMaxQuestions, InboxGroupSimilarity);
}
