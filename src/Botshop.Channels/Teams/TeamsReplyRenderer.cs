using System.Text.Json;
using System.Text.Json.Nodes;
using Botshop.Core.Answering;

namespace Botshop.Channels.Teams;

/// <summary>Renders Core's <see cref="Reply"/> as an Adaptive Card 1.5 inside a reply activity (channels.md §2.3).</summary>
public sealed class TeamsReplyRenderer
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The reply to <paramref name="incoming"/>, threaded under it.</summary>
    /// <param name="messageId">Our log id of the answered question; feedback buttons carry it (omitted when null).</param>
    public TeamsOutgoingActivity RenderReply(TeamsActivity incoming, Reply reply, long? messageId) =>
        Render(incoming, reply, messageId, incoming.Id);

    /// <summary>A new message in the conversation (the welcome), not threaded under any activity.</summary>
    public TeamsOutgoingActivity RenderWelcome(TeamsActivity incoming, Reply help) => Render(incoming, help, null, null);

    public JsonObject RenderCard(Reply reply, long? messageId)
    {
        var body = new JsonArray { TextBlock(reply.Text) };
        foreach (var passage in reply.Sources)
        {
            var block = TextBlock($"{passage.Section}: “{passage.Text}”");
            block["isSubtle"] = true;
            block["size"] = "Small";
            body.Add(block);
        }
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        var actions = Actions(reply, messageId);
        if (actions.Count > 0) card["actions"] = actions;
        return card;
    }

    private TeamsOutgoingActivity Render(TeamsActivity incoming, Reply reply, long? messageId, string? replyToId)
    {
        var body = new JsonObject
        {
            ["type"] = ActivityTypes.Message,
            ["text"] = reply.Text, // notification and fallback text: shown as plain text, never as markup
            ["textFormat"] = "plain",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = AdaptiveCardContentType, ["content"] = RenderCard(reply, messageId) },
            },
            ["from"] = Account(incoming.Recipient),
            ["recipient"] = Account(incoming.From),
            ["conversation"] = JsonSerializer.SerializeToNode(incoming.Conversation, TeamsActivityParser.Json),
            ["serviceUrl"] = incoming.ServiceUrl,
            ["channelId"] = incoming.ChannelId,
        };
        if (replyToId is not null) body["replyToId"] = replyToId;
        return new TeamsOutgoingActivity(incoming.ServiceUrl!, incoming.Conversation!.Id, replyToId, body);
    }

    private static JsonArray Actions(Reply reply, long? messageId)
    {
        var actions = new JsonArray();
        if (reply.Answered && messageId is { } id)
        {
            actions.Add(Submit("👍 Helpful", new JsonObject { ["kind"] = "feedback", ["messageId"] = id, ["vote"] = "up" }));
            actions.Add(Submit("👎 Not helpful", new JsonObject { ["kind"] = "feedback", ["messageId"] = id, ["vote"] = "down" }));
        }
        if (reply.Kind is ReplyKind.Ambiguous or ReplyKind.ChoosePosting)
            foreach (var choice in reply.Choices)
                actions.Add(Submit(choice.Label, new JsonObject { ["kind"] = "choice", ["value"] = choice.Value, ["label"] = choice.Label }));
        return actions;
    }

    /// <summary>Action titles are plain text in Adaptive Cards, so labels need no Markdown escaping.</summary>
    private static JsonObject Submit(string title, JsonObject data) =>
        new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };

    private static JsonObject TextBlock(string text) =>
        new() { ["type"] = "TextBlock", ["text"] = AdaptiveCardText.Escape(text), ["wrap"] = true };

    private static JsonNode? Account(ChannelAccount? account) =>
        account is null ? null : new JsonObject { ["id"] = account.Id, ["name"] = account.Name };
}
