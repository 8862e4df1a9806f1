using System.Text.Json;
using Botshop.Core;
using Botshop.Core.Answering;
using Botshop.Core.Conversations;

namespace Botshop.Channels.Teams;

/// <summary>Turns a parsed (and authenticated) activity into a channel-neutral <see cref="TeamsInbound"/>.</summary>
public sealed class TeamsActivityMapper
{
    public const string ChannelName = "msteams";
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// <param name="pseudonyms">Hashes the Teams user id; the raw "29:…" id never leaves this method.</param>
    public TeamsInbound Map(TeamsActivity activity, UserPseudonym pseudonyms)
    {
        var userRef = pseudonyms.For(ChannelName, activity.From?.Id ?? "");
        return activity.Type switch
        {
            ActivityTypes.Message when activity.Value is { ValueKind: JsonValueKind.Object } data => MapSubmit(activity, data, userRef),
            ActivityTypes.Message => MapText(activity, userRef),
            ActivityTypes.Invoke when activity.Name == AdaptiveCardActionInvoke => MapInvoke(activity, userRef),
            ActivityTypes.ConversationUpdate => MapConversationUpdate(activity),
            _ => new TeamsIgnored(activity, $"activity type '{activity.Type}' is not handled"),
        };
    }

    private static TeamsInbound MapText(TeamsActivity activity, string userRef)
    {
        var text = MentionText.StripBotMention(activity);
        if (text.Length > ConversationService.MaxQuestionLength) text = text[..ConversationService.MaxQuestionLength];
        return new TeamsQuestion(activity, Incoming(activity, userRef, text));
    }

    /// <summary>Action.Execute delivers the card's data under value.action.data.</summary>
    private static TeamsInbound MapInvoke(TeamsActivity activity, string userRef) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
        && action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? MapSubmit(activity, data, userRef)
            : new TeamsIgnored(activity, "invoke without action data");

    /// <summary>Card data we rendered ourselves: {kind:"feedback",messageId,vote} or {kind:"choice",value,label}.</summary>
    private static TeamsInbound MapSubmit(TeamsActivity activity, JsonElement data, string userRef)
    {
        switch (ReadString(data, "kind"))
        {
            case "feedback":
                var vote = ReadString(data, "vote") switch { "up" => FeedbackVote.Up, "down" => FeedbackVote.Down, _ => (FeedbackVote?)null };
                var messageId = ReadMessageId(data);
                return vote is null || messageId is null
                    ? new TeamsIgnored(activity, "feedback without a valid messageId or vote")
                    : new TeamsFeedback(activity, messageId.Value, vote.Value, userRef);
            case "choice":
                var value = ReadString(data, "value") ?? "";
                var label = ReadString(data, "label");
                if (value.StartsWith(ReplyChoice.IntentPrefix, StringComparison.Ordinal) && value.Length > ReplyChoice.IntentPrefix.Length)
                {
                    var intent = value[ReplyChoice.IntentPrefix.Length..];
                    return new TeamsQuestion(activity, Incoming(activity, userRef, label ?? intent) with { ChosenIntent = intent });
                }
                if (value.StartsWith(ReplyChoice.PostingPrefix, StringComparison.Ordinal) && value.Length > ReplyChoice.PostingPrefix.Length)
                {
                    var postingId = value[ReplyChoice.PostingPrefix.Length..];
                    return new TeamsPostingChoice(activity, postingId,
                        Incoming(activity, userRef, label ?? postingId) with { PostingId = postingId });
                }
                return new TeamsIgnored(activity, "choice with an unknown value");
            default:
                return new TeamsIgnored(activity, "card data of an unknown kind");
        }
    }

    private static TeamsInbound MapConversationUpdate(TeamsActivity activity)
    {
        var botId = activity.Recipient?.Id;
        var botAdded = botId is not null && (activity.MembersAdded ?? []).Any(m => m?.Id == botId);
        return botAdded
            ? new TeamsWelcome(activity, activity.Conversation!.Id)
            : new TeamsIgnored(activity, "conversation update not about the bot joining");
    }

    private static IncomingMessage Incoming(TeamsActivity activity, string userRef, string text) =>
        new(ChannelName, activity.Conversation!.Id, userRef, text, ExternalId: activity.Id);

    private static string? ReadString(JsonElement data, string name) =>
        data.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    /// <summary>Our message ids are numbers; accept them as JSON numbers or strings (clients may stringify).</summary>
    private static long? ReadMessageId(JsonElement data)
    {
        if (!data.TryGetProperty("messageId", out var p)) return null;
        if (p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var n)) return n;
        if (p.ValueKind == JsonValueKind.String && long.TryParse(p.GetString(), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out n)) return n;
        return null;
    }
}
