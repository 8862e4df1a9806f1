using System.Text.Json.Nodes;
using Botshop.Channels.Slack;
using Botshop.Channels.Teams;
using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Conversations;
using Botshop.Server.Chat;
using Botshop.Storage.Privacy;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Privacy;

/// <summary>
/// Sends a recruiter's reply to a logged question back through the question's channel: into its Slack thread (or by
/// DM for an /ask question), proactively into its Teams conversation, or into the web chat's reply queue for the page
/// to fetch. Every reply is stored first and its outcome after, so a failure is on record, never lost.
/// </summary>
public sealed partial class RecruiterReplies(
    RecruiterReplyStore store,
    ChannelReplyRefs refs,
    SlackWebApiClient slack,
    SlackBlockKitRenderer slackRenderer,
    IOptions<SlackOptions> slackOptions,
    BotConnectorClient connector,
    TeamsReplyRenderer teamsRenderer,
    IAuditLog audit,
    ILogger<RecruiterReplies> logger) : IRecruiterReplies
{
    public const int MaxTextLength = 4000;
    public const string Lead = "A recruiter replied to your question:";

    public async Task<RecruiterReplyResult> SendAsync(long messageId, string author, string text, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("A reply needs some text.", nameof(text));
        if (text.Length > MaxTextLength) throw new ArgumentException($"A reply is at most {MaxTextLength} characters.", nameof(text));

        var target = await store.FindTargetAsync(messageId, ct);
        var replyId = target is null ? null : await store.AddAsync(messageId, author, text.Trim(), ct);
        if (target is null || replyId is null)
            return new RecruiterReplyResult(0, false, "The question no longer exists: the candidate was forgotten or it was purged.");

        var error = await DeliverAsync(target, text.Trim(), ct);
        // The web chat's reply stays pending until the page fetches it; the others are settled now.
        if (target.Channel != ChatEndpoints.Channel || error is not null)
            await store.MarkAsync(replyId.Value, delivered: error is null, error, ct);
        if (error is not null) LogNotDelivered(replyId.Value, target.Channel, error);
        await audit.RecordAsync(author, "candidate.reply", $"message/{messageId}",
            new { replyId, channel = target.Channel, sent = error is null, error }, ct);
        return new RecruiterReplyResult(replyId.Value, error is null, error);
    }

    /// <summary>Null when the channel took the reply; otherwise why not, in words a recruiter can act on.</summary>
    private async Task<string?> DeliverAsync(ReplyTarget target, string text, CancellationToken ct)
    {
        try
        {
            return target.Channel switch
            {
                ChatEndpoints.Channel => null,
                SlackEventParser.Channel => await SendSlackAsync(target, text, ct),
                TeamsActivityMapper.ChannelName => await SendTeamsAsync(target, text, ct),
                var other => $"Questions from the {other} channel cannot be replied to.",
            };
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return $"The {target.Channel} platform refused the reply: {e.Message}";
        }
    }

    private async Task<string?> SendSlackAsync(ReplyTarget target, string text, CancellationToken ct)
    {
        if (!slackOptions.Value.IsEnabled || string.IsNullOrWhiteSpace(slackOptions.Value.BotToken))
            return "Slack is not configured on this server (Slack:SigningSecret and Slack:BotToken).";
        var conversation = refs.Open<ConversationRef>(target.ConversationReplyRef, out var error) as SlackConversationRef;
        var message = refs.Open<MessageRef>(target.MessageReplyRef, out var messageError) as SlackMessageRef;
        if (conversation is null || message is null) return NoAddress(error ?? messageError);

        var rendered = slackRenderer.Render(AsReply(text), "");
        if (message.User is { } user) await slack.PostMessageAsync(user, rendered, threadTs: null, ct);
        else await slack.PostMessageAsync(conversation.Channel, rendered, message.ThreadTs, ct);
        return null;
    }

    private async Task<string?> SendTeamsAsync(ReplyTarget target, string text, CancellationToken ct)
    {
        var conversation = refs.Open<ConversationRef>(target.ConversationReplyRef, out var error) as TeamsConversationRef;
        var message = refs.Open<MessageRef>(target.MessageReplyRef, out var messageError) as TeamsMessageRef;
        if (conversation is null) return NoAddress(error ?? messageError);

        var reply = AsReply(text);
        var body = new JsonObject
        {
            ["type"] = ActivityTypes.Message,
            ["text"] = reply.Text,
            ["textFormat"] = "plain",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = TeamsReplyRenderer.AdaptiveCardContentType, ["content"] = teamsRenderer.RenderCard(reply, null) },
            },
            ["from"] = new JsonObject { ["id"] = conversation.BotId, ["name"] = conversation.BotName },
            ["conversation"] = new JsonObject { ["id"] = conversation.ConversationId, ["tenantId"] = conversation.TenantId },
            ["serviceUrl"] = conversation.ServiceUrl,
            ["channelId"] = conversation.ChannelId,
        };
        var replyToId = message?.ReplyToId;
        if (replyToId is not null) body["replyToId"] = replyToId;
        var sent = await connector.SendAsync(new TeamsOutgoingActivity(conversation.ServiceUrl, conversation.ConversationId, replyToId, body), ct);
        return sent.Sent ? null : $"The Bot Connector refused the reply: {sent.Error}";
    }

    private static Reply AsReply(string text) => new(ReplyKind.Help, $"{Lead}\n{text}", null, null, 0f, [], []);

    private static string NoAddress(string? why) => why is null
        ? "No reply address was stored for this question (it was asked before reply addresses were kept)."
        : $"The stored reply address cannot be used: {why}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recruiter reply {ReplyId} on {Channel} was not delivered: {Reason}")]
    private partial void LogNotDelivered(long replyId, string channel, string reason);
}
