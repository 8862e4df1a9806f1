using System.Text;
using System.Text.Json;
using Botshop.Core;
using Botshop.Core.Answering;
using Botshop.Core.Conversations;

namespace Botshop.Channels.Slack;

/// <summary>Reads a verified interactivity body: form field "payload" holding block_actions JSON (channels.md §1.6).</summary>
public sealed class SlackInteractionParser
{
    /// <exception cref="SlackRequestException">Not an interaction payload.</exception>
    public SlackInteraction Parse(ReadOnlyMemory<byte> rawBody, UserPseudonym pseudonym)
    {
        var payload = SlackForm.Required(SlackForm.Parse(rawBody.Span), "payload");
        using var doc = SlackJson.Parse(Encoding.UTF8.GetBytes(payload), "payload");
        var root = doc.RootElement;
        SlackJson.RequireObject(root, "payload");
        var type = SlackJson.RequiredString(root, "type");
        if (type != "block_actions")
            return new SlackInteraction.Ignored($"payload type {type}");

        if (!root.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
            throw new SlackRequestException("'actions' missing");
        var action = actions[0];
        SlackJson.RequireObject(action, "action");
        var user = SlackJson.RequiredString(SlackJson.Object(root, "user"), "id");
        var userRef = pseudonym.For(SlackEventParser.Channel, user);
        var ackUrl = SlackJson.RequiredString(root, "response_url");
        var actionId = SlackJson.RequiredString(action, "action_id");
        var value = SlackJson.String(action, "value") ?? "";

        return actionId switch
        {
            SlackActions.FeedbackUp or SlackActions.FeedbackDown when value.Length > 0 =>
                new SlackInteraction.Feedback(value, actionId == SlackActions.FeedbackUp, userRef, ackUrl),
            SlackActions.ChooseIntent or SlackActions.ChoosePosting => Choice(root, action, actionId, value, user, userRef, ackUrl),
            SlackActions.FeedbackUp or SlackActions.FeedbackDown => throw new SlackRequestException("feedback without a message id"),
            _ => new SlackInteraction.Ignored($"action {actionId}"),
        };
    }

    private SlackInteraction Choice(JsonElement root, JsonElement action, string actionId, string value, string user, string userRef, string ackUrl)
    {
        var prefix = actionId == SlackActions.ChooseIntent ? ReplyChoice.IntentPrefix : ReplyChoice.PostingPrefix;
        if (!value.StartsWith(prefix, StringComparison.Ordinal) || value.Length == prefix.Length)
            throw new SlackRequestException($"{actionId} value does not start with {prefix}");
        var chosen = value[prefix.Length..];

        var container = SlackJson.Object(root, "container");
        var channel = SlackJson.String(SlackJson.Object(root, "channel"), "id")
            ?? SlackJson.RequiredString(container, "channel_id");
        var thread = SlackJson.String(container, "thread_ts")
            ?? SlackJson.String(SlackJson.Object(root, "message"), "thread_ts")
            ?? SlackJson.String(container, "message_ts");
        // An ephemeral message (a /ask answer) lives only at its response_url: the bot may not even be in the channel.
        var replyTo = new SlackReplyAddress(channel, thread, SlackJson.Bool(container, "is_ephemeral") ? ackUrl : null,
            user, SlackJson.String(SlackJson.Object(root, "team"), "id"));

        var label = SlackJson.String(SlackJson.Object(action, "text"), "text") ?? chosen;
        var isIntent = actionId == SlackActions.ChooseIntent;
        var message = new IncomingMessage(SlackEventParser.Channel, channel, userRef, label,
            PostingId: isIntent ? null : chosen,
            ExternalId: SlackJson.String(action, "action_ts"),
            ChosenIntent: isIntent ? chosen : null);
        return new SlackInteraction.Choice(message, replyTo, ackUrl);
    }
}
