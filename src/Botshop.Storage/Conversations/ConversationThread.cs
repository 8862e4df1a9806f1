namespace Botshop.Storage.Conversations;

/// <summary>One conversation's messages in order, each with the passages it cited and any recruiter replies.</summary>
/// <param name="EarlierBefore">When older messages were left out: the message id to page back from.</param>
public sealed record ConversationThread(
    long Id,
    string Channel,
    string? PostingId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    IReadOnlyList<ThreadEntry> Entries,
    long? EarlierBefore);

public sealed record ThreadEntry(LoggedMessage Message, IReadOnlyList<CitedPassage> Sources, IReadOnlyList<RecruiterReplyView> RecruiterReplies);

/// <summary>A cited passage; <see cref="Text"/> is null when the posting no longer has it (the citation went stale).</summary>
public sealed record CitedPassage(string Id, string? Section, string? Text);

public sealed record RecruiterReplyView(long Id, string Author, string Text, DateTimeOffset SentAt, string DeliveryStatus, string? DeliveryError);
