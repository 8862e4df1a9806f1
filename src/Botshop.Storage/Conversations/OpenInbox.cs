namespace Botshop.Storage.Conversations;

/// <summary>
/// What needs a human and no recruiter has dealt with yet (messages.review_status is null until a recruiter labels,
/// answers, replies to or dismisses it): a handed-off or ambiguous reply, an answer below the low-confidence line,
/// or a 👎. The first two match the partial indexes of migration 0003 word for word, which is what lets the engines
/// use them; change both together.
/// </summary>
public static class OpenInbox
{
    public const string HandedOffIndex = "ix_messages_open_handed_off";
    public const string UnsureIndex = "ix_messages_open_answered";

    /// <summary>Declined (not in the posting, off topic) or ambiguous, unreviewed.</summary>
    public const string HandedOff = "m.review_status IS NULL AND m.reply_kind IN ('NotInPosting', 'OutOfScope', 'Ambiguous')";

    /// <summary>Answered below @LowConfidence, unreviewed.</summary>
    public const string Unsure = "m.review_status IS NULL AND m.reply_kind = 'Answered' AND m.confidence < @LowConfidence";

    /// <summary>For a 👎 joined to its message m: an unreviewed message that is neither of the above.</summary>
    public const string DislikedOnly = """
        m.review_status IS NULL
        AND NOT (m.reply_kind IN ('NotInPosting', 'OutOfScope', 'Ambiguous')
                 OR (m.reply_kind = 'Answered' AND COALESCE(m.confidence, 1) < @LowConfidence))
        """;
}
