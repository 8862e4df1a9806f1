using System.Text.Json.Nodes;
using Botshop.Core.Answering;
using Botshop.Core.Knowledge;

namespace Botshop.Channels.Slack;

/// <summary>
/// Renders a channel-neutral <see cref="Reply"/> as a Slack message: answer, quoted sources, feedback or choice
/// buttons. All words are escaped, so nothing a candidate typed can become a mention or a link.
/// </summary>
public sealed class SlackBlockKitRenderer
{
    /// <param name="messageId">Our stored id of this reply; the 👍/👎 buttons carry it back.</param>
    public SlackMessage Render(Reply reply, string messageId)
    {
        var actions = ActionBlocks(reply, messageId);
        var room = BlockKitLimits.MaxBlocks - actions.Count;
        var answer = BlockKitLimits.Chunk(SlackText.Escape(reply.Text), BlockKitLimits.MaxSectionText)
            .Take(room).Select(Section).ToList();
        var sources = reply.Sources.Take(room - answer.Count).Select(Quote);

        var blocks = new JsonArray([.. answer, .. sources, .. actions]);
        var fallback = BlockKitLimits.Truncate(SlackText.Escape(reply.Text), BlockKitLimits.MaxFallbackText);
        return new SlackMessage(fallback.Length > 0 ? fallback : "…", blocks);
    }

    private static List<JsonNode> ActionBlocks(Reply reply, string messageId)
    {
        if (reply.Answered)
            return
            [
                new JsonObject
                {
                    ["type"] = "actions",
                    ["block_id"] = "feedback",
                    ["elements"] = new JsonArray(
                        Button(SlackActions.FeedbackUp, ":+1: Helpful", messageId),
                        Button(SlackActions.FeedbackDown, ":-1: Not helpful", messageId)),
                },
            ];
        var actionId = reply.Kind switch
        {
            ReplyKind.Ambiguous => SlackActions.ChooseIntent,
            ReplyKind.ChoosePosting => SlackActions.ChoosePosting,
            _ => null,
        };
        if (actionId is null)
            return [];
        // Slack wants action_ids unique within a block, and ours repeat: one block per choice.
        return reply.Choices.Take(BlockKitLimits.MaxChoices).Select((choice, i) => (JsonNode)new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = $"choice_{i}",
            ["elements"] = new JsonArray(Button(actionId, choice.Label, choice.Value)),
        }).ToList();
    }

    private static JsonObject Button(string actionId, string label, string value)
    {
        if (value.Length > BlockKitLimits.MaxButtonValue)
            throw new ArgumentException($"Button value is longer than {BlockKitLimits.MaxButtonValue} characters.", nameof(value));
        return new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            // plain_text is never parsed for mentions or links, so the label needs no escaping.
            ["text"] = new JsonObject
            {
                ["type"] = "plain_text",
                ["text"] = BlockKitLimits.Truncate(label, BlockKitLimits.MaxButtonText),
                ["emoji"] = true,
            },
            ["value"] = value,
        };
    }

    private static JsonNode Section(string escapedText) => new JsonObject
    {
        ["type"] = "section",
        ["text"] = Mrkdwn(escapedText),
    };

    private static JsonNode Quote(Passage passage)
    {
        var quoted = string.Join("\n", SlackText.Escape(passage.Text).Split('\n').Select(line => "> " + line));
        var text = $"{quoted}\n_{SlackText.Escape(passage.Section)}_";
        return new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(Mrkdwn(BlockKitLimits.Truncate(text, BlockKitLimits.MaxSectionText))),
        };
    }

    // verbatim: Slack must not auto-link bare URLs, #channels or @names in our text either.
    private static JsonObject Mrkdwn(string escapedText) => new()
    {
        ["type"] = "mrkdwn",
        ["text"] = escapedText,
        ["verbatim"] = true,
    };
}
