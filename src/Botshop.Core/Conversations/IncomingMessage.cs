namespace Botshop.Core.Conversations;

/// <summary>One candidate message, whatever channel it came from.</summary>
/// <param name="Channel">"slack", "msteams", "web" or "cli".</param>
/// <param name="ConversationId">The channel's conversation (Slack channel, Teams conversation id, web session).</param>
/// <param name="UserRef">A pseudonymous reference to the sender (never a raw platform user id).</param>
/// <param name="PostingId">Set when the channel already knows the posting (web chat picker, a bound Slack channel, --posting).</param>
/// <param name="ExternalId">The platform's delivery id (Slack event_id, Teams activity id): a retried delivery carries the same one.</param>
/// <param name="ChosenIntent">Set when the candidate pressed a "did you mean" button: answer that intent without classifying.</param>
/// <param name="ReplyRef">Where a later reply can reach the candidate, already encrypted by the channel; null when the channel needs none (web, CLI).</param>
public sealed record IncomingMessage(
    string Channel,
    string ConversationId,
    string UserRef,
    string Text,
    string? PostingId = null,
    string? ExternalId = null,
    string? ChosenIntent = null,
    SealedReplyRef? ReplyRef = null);

/// <summary>
/// A reply address as ciphertext, opaque to everything but the channel that wrote it: <paramref name="Conversation"/>
/// is kept on the conversation (where the conversation lives), <paramref name="Message"/> on the question (the
/// thread or activity to answer in). Either may be null.
/// </summary>
public sealed record SealedReplyRef(string? Conversation, string? Message);
