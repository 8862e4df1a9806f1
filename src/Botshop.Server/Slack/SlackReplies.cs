using Botshop.Channels.Slack;
using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Core.Knowledge;
using Botshop.Server.Replies;

namespace Botshop.Server.Slack;

/// <summary>What the bot does with each Slack request: record first (deduplicated), answer in the background.</summary>
public sealed class SlackReplies(
    ConversationService conversations,
    AnswerService answers,
    LiveKnowledge knowledge,
    ReplyQueue queue,
    SlackBlockKitRenderer renderer,
    SlackWebApiClient slack,
    Privacy.ChannelReplyRefs replyRefs)
{
    /// <summary>A retried delivery (same event id) is refused by the store, so nothing is answered twice.</summary>
    public async Task AcceptQuestionAsync(IncomingMessage message, SlackReplyAddress replyTo, CancellationToken ct)
    {
        var accepted = await conversations.AcceptAsync(message with { ReplyRef = replyRefs.ForSlack(replyTo) }, ct);
        if (accepted is null) return;
        await queue.EnqueueAsync(ReplyJob.Answer(accepted, (reply, id, token) =>
            slack.SendAsync(replyTo, renderer.Render(reply, id?.ToString() ?? ""), token)), ct);
    }

    /// <summary>A "did you mean" button is a question with its intent chosen; a "which posting" button binds the conversation.</summary>
    public async Task ChoiceAsync(IncomingMessage message, SlackReplyAddress replyTo, CancellationToken ct)
    {
        if (message.ChosenIntent is not null)
        {
            await AcceptQuestionAsync(message, replyTo, ct);
            return;
        }
        var posting = message.PostingId is null ? null
            : await conversations.ChoosePostingAsync(message.Channel, message.ConversationId, message.PostingId, ct);
        var reply = posting is null ? answers.ChoosePosting() : answers.Help(posting);
        await SendAsync(replyTo, reply, ct);
    }

    public async Task FeedbackAsync(long messageId, bool helpful, string userRef, string ackUrl, CancellationToken ct)
    {
        // A button for a message we never stored (forged, or from a wiped store) is acknowledged and ignored.
        if (!await conversations.RecordFeedbackAsync(messageId, "slack", helpful ? FeedbackVote.Up : FeedbackVote.Down, userRef, ct)) return;
        var thanks = new Reply(ReplyKind.Help, "Thanks for the feedback!", null, null, 0f, [], []);
        await SendAsync(new SlackReplyAddress("", null, ackUrl), thanks, ct);
    }

    /// <summary>`/ask` alone: help and example questions, shown only to the person who asked.</summary>
    public async Task<object> HelpAsync(string channelId, CancellationToken ct)
    {
        var channel = new IncomingMessage("slack", channelId, "", "");
        var posting = await conversations.ResolvePostingAsync(channel, ct);
        return Ephemeral(posting is null ? WithPostingChoices(answers.Help(null)) : answers.Help(posting));
    }

    /// <summary>`/ask posting ID`: this channel's questions are about that posting from now on.</summary>
    public async Task<object> BindChannelAsync(string channelId, string postingId, CancellationToken ct)
    {
        var posting = await conversations.ChoosePostingAsync("slack", channelId, postingId, ct);
        var text = posting is null
            ? $"There is no posting '{postingId}'. Postings: {string.Join(", ", knowledge.Required.Postings.Select(p => p.Id))}."
            : $"This channel's questions are now about the {posting.Title} posting.";
        return Ephemeral(new Reply(ReplyKind.Help, text, posting?.Id, null, 0f, [], []));
    }

    // The renderer draws choice buttons only for a ChoosePosting reply; a Help reply's choices would be dropped.
    private Reply WithPostingChoices(Reply help) =>
        knowledge.Required.Postings.Count > 1 ? help with { Kind = ReplyKind.ChoosePosting, Choices = answers.ChoosePosting().Choices } : help;

    private object Ephemeral(Reply reply)
    {
        var message = renderer.Render(reply, "");
        return new { response_type = "ephemeral", text = message.Text, blocks = message.Blocks };
    }

    private Task SendAsync(SlackReplyAddress to, Reply reply, CancellationToken ct) =>
        queue.EnqueueAsync(ReplyJob.Send("slack", reply, (r, _, token) => slack.SendAsync(to, renderer.Render(r, ""), token)), ct).AsTask();
}
