using System.Diagnostics;
using Botshop.Core.Answering;
using Botshop.Core.Knowledge;
using Botshop.Core.Privacy;

namespace Botshop.Core.Conversations;

/// <summary>
/// The one path every channel takes: record the question, resolve the posting, answer, record the reply.
/// Split in two so webhook endpoints can record (and deduplicate) before acknowledging, then answer in the background.
/// </summary>
public sealed class ConversationService(
    AnswerService answers,
    LiveKnowledge knowledge,
    LiveModel model,
    IConversationLog log,
    TimeProvider time,
    RedactionSettings redaction,
    ICandidateRecords candidates)
{
    public const int MaxQuestionLength = 2000;

    /// <summary>
    /// Records the question. Null means this delivery was already recorded and must not be answered again.
    /// A request to be forgotten is carried out here instead, before anything is stored or classified; its
    /// confirmation comes back as <see cref="AcceptedMessage.Immediate"/> and nothing of it is recorded.
    /// </summary>
    public async Task<AcceptedMessage?> AcceptAsync(IncomingMessage message, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        if (message.ChosenIntent is null && ForgetRequest.Matches(message.Text))
        {
            var erased = await candidates.ForgetAsync(message.UserRef, ct);
            return new AcceptedMessage(AcceptedMessage.NotRecorded, message with { Text = "", ReplyRef = null }, started)
            {
                Immediate = ReplyTexts.Forgotten(erased),
            };
        }
        // Redact before anything keeps the text: the stored question and the classifier both see the same redacted words.
        if (redaction.Enabled) message = message with { Text = Redactor.Redact(message.Text) };
        var id = await log.RecordQuestionAsync(message, time.GetUtcNow(), ct);
        return id is null ? null : new AcceptedMessage(id.Value, message, started);
    }

    /// <summary>Answers an accepted question and records the reply with its latency since acceptance.</summary>
    public async Task<Reply> ReplyAsync(AcceptedMessage accepted, CancellationToken ct)
    {
        if (accepted.Immediate is { } immediate) return immediate;
        var message = accepted.Message;
        var reply = await ComposeAsync(message, ct);
        var latency = time.GetElapsedTime(accepted.StartedTimestamp).TotalMilliseconds;
        await log.RecordReplyAsync(accepted.MessageId, reply, model.Current?.Version, latency, ct);
        return reply;
    }

    /// <summary>Accept and reply in one go, for callers that answer inline (CLI, web chat).</summary>
    public async Task<HandledMessage?> HandleAsync(IncomingMessage message, CancellationToken ct)
    {
        var accepted = await AcceptAsync(message, ct);
        if (accepted is null) return null;
        var reply = await ReplyAsync(accepted, ct);
        return new HandledMessage(accepted.MessageId, reply);
    }

    /// <summary>Binds a conversation to a posting (a "which posting?" button, or a channel binding command).</summary>
    public async Task<Posting?> ChoosePostingAsync(string channel, string conversationId, string postingId, CancellationToken ct)
    {
        var posting = knowledge.Required.FindPosting(postingId);
        if (posting is null) return null;
        await log.SetConversationPostingAsync(channel, conversationId, posting.Id, ct);
        return posting;
    }

    public Task<bool> RecordFeedbackAsync(long messageId, string channel, FeedbackVote vote, string userRef, CancellationToken ct) =>
        log.RecordFeedbackAsync(messageId, channel, vote, userRef, time.GetUtcNow(), ct);

    public Task RecordDeliveryAsync(long messageId, bool delivered, string? error, CancellationToken ct) =>
        log.RecordDeliveryAsync(messageId, delivered, error, ct);

    /// <summary>The posting this conversation is about, or null when the candidate must choose first.</summary>
    public async Task<Posting?> ResolvePostingAsync(IncomingMessage message, CancellationToken ct)
    {
        var kb = knowledge.Required;
        if (message.PostingId is not null) return kb.FindPosting(message.PostingId);
        var chosen = await log.GetConversationPostingAsync(message.Channel, message.ConversationId, ct);
        if (chosen is not null && kb.FindPosting(chosen) is { } posting) return posting;
        return kb.Postings.Count == 1 ? kb.Postings[0] : null;
    }

    private async Task<Reply> ComposeAsync(IncomingMessage message, CancellationToken ct)
    {
        var posting = await ResolvePostingAsync(message, ct);
        if (posting is null) return answers.ChoosePosting();
        if (message.ChosenIntent is not null) return answers.AnswerIntent(message.ChosenIntent, posting);
        if (IsHelpRequest(message.Text)) return answers.Help(posting);
        return answers.Answer(message.Text, posting);
    }

    private static bool IsHelpRequest(string text)
    {
        var t = text.Trim().TrimEnd('?', '!', '.').ToLowerInvariant();
        return t.Length == 0 || t is "help" or "hi" or "hello" or "hey";
    }
}

/// <summary>A question recorded in the log and waiting for its answer.</summary>
public sealed record AcceptedMessage(long MessageId, IncomingMessage Message, long StartedTimestamp)
{
    /// <summary>The <see cref="MessageId"/> of a request that was acted on but deliberately not recorded (forget-me).</summary>
    public const long NotRecorded = 0;

    /// <summary>The reply, when it was decided at acceptance (forget-me): send it as is; there is no message to update.</summary>
    public Reply? Immediate { get; init; }
}

public sealed record HandledMessage(long MessageId, Reply Reply);
