using Botshop.Core.Knowledge;

namespace Botshop.Core.Answering;

/// <summary>What the bot says back, in channel-neutral terms; each adapter renders it its own way.</summary>
/// <param name="Text">Exactly the text a candidate sees (adapters may add formatting around it, never other words).</param>
/// <param name="Sources">The posting passages the answer is drawn from, to be quoted under it.</param>
/// <param name="Choices">Buttons to offer: "did you mean" intents or "which posting" postings.</param>
public sealed record Reply(
    ReplyKind Kind,
    string Text,
    string? PostingId,
    string? Intent,
    float Confidence,
    IReadOnlyList<Passage> Sources,
    IReadOnlyList<ReplyChoice> Choices)
{
    /// <summary>True only when the bot stated a fact from the posting.</summary>
    public bool Answered => Kind == ReplyKind.Answered;

    /// <summary>True when a recruiter should see this question in the inbox.</summary>
    public bool HandedOff => Kind is ReplyKind.NotInPosting or ReplyKind.OutOfScope or ReplyKind.StaleCitation;
}

public enum ReplyKind
{
    /// <summary>A fact from the posting, with its sources.</summary>
    Answered,
    /// <summary>A known topic, but this posting does not say: handed to a recruiter.</summary>
    NotInPosting,
    /// <summary>Not something a posting answers (salary, visas, small talk…): handed to a recruiter.</summary>
    OutOfScope,
    /// <summary>Two intents were too close to call: the candidate is asked which was meant.</summary>
    Ambiguous,
    /// <summary>Several postings are live and none is chosen for this conversation.</summary>
    ChoosePosting,
    /// <summary>Help text and example questions.</summary>
    Help,
    /// <summary>
    /// The answer cites a passage its posting no longer has (the posting was updated): not served, handed to a
    /// recruiter, and flagged in the log so it is seen beside the stale answer.
    /// </summary>
    StaleCitation,
    /// <summary>The candidate asked to be forgotten: their data is deleted and this request itself was not stored.</summary>
    Forgotten,
}

/// <summary>A button. <see cref="Value"/> is what comes back when it is pressed: "intent:NAME" or "posting:ID".</summary>
public sealed record ReplyChoice(string Label, string Value)
{
    public const string IntentPrefix = "intent:";
    public const string PostingPrefix = "posting:";

    public static ReplyChoice ForIntent(string label, string intent) => new(label, IntentPrefix + intent);
    public static ReplyChoice ForPosting(string label, string postingId) => new(label, PostingPrefix + postingId);
}
