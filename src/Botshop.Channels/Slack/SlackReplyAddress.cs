namespace Botshop.Channels.Slack;

/// <summary>Where a reply goes: a channel and thread via chat.postMessage, or a response_url when one is set.</summary>
/// <param name="ThreadTs">The thread to answer in (event.thread_ts ?? event.ts); null for a top-level message.</param>
/// <param name="ResponseUrl">Set for slash commands and ephemeral buttons: answer there, not in the channel.</param>
/// <param name="UserId">The asker's raw Slack user id, for a later reply by DM when there is no thread to answer in
/// (an /ask answer is ephemeral). Held in memory only: it is stored encrypted or not at all.</param>
/// <param name="TeamId">The workspace, when Slack said.</param>
public sealed record SlackReplyAddress(string ChannelId, string? ThreadTs, string? ResponseUrl = null, string? UserId = null, string? TeamId = null);
