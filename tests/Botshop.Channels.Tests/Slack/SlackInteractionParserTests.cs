using System.Text.Json.Nodes;
using Botshop.Channels.Slack;

namespace Botshop.Channels.Tests.Slack;

public sealed class SlackInteractionParserTests
{
    private const string ResponseUrl = "https://hooks.slack.com/actions/T1/1234/abcd";

    private static SlackInteraction Parse(JsonObject payload) => Parse(SlackTestKit.Form(("payload", payload.ToJsonString())));

    private static SlackInteraction Parse(byte[] body) => new SlackInteractionParser().Parse(body, SlackTestKit.Pseudonym);

    private static JsonObject Payload(string actionId, string value, string label = "Working hours", JsonObject? container = null) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "U123", ["username"] = "ada", ["team_id"] = "T1" },
        ["team"] = new JsonObject { ["id"] = "T1" },
        ["channel"] = new JsonObject { ["id"] = "C_BOUND" },
        ["message"] = new JsonObject { ["ts"] = "1700000100.000300", ["thread_ts"] = "1700000000.000100" },
        ["container"] = container ?? new JsonObject
        {
            ["type"] = "message",
            ["message_ts"] = "1700000100.000300",
            ["channel_id"] = "C_BOUND",
            ["is_ephemeral"] = false,
            ["thread_ts"] = "1700000000.000100",
        },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["block_id"] = "choice_0",
            ["value"] = value,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
            ["action_ts"] = "1700000200.123456",
        }),
        ["response_url"] = ResponseUrl,
        ["trigger_id"] = "1.2.3",
    };

    [Theory]
    [InlineData(SlackActions.FeedbackUp, true)]
    [InlineData(SlackActions.FeedbackDown, false)]
    public void Feedback_button_names_our_message_and_the_vote(string actionId, bool helpful)
    {
        var feedback = Assert.IsType<SlackInteraction.Feedback>(Parse(Payload(actionId, "msg_42")));
        Assert.Equal(new SlackInteraction.Feedback("msg_42", helpful, SlackTestKit.Pseudonym.For("slack", "U123"), ResponseUrl), feedback);
    }

    [Fact]
    public void Did_you_mean_choice_answers_that_intent_in_the_thread()
    {
        var choice = Assert.IsType<SlackInteraction.Choice>(Parse(Payload(SlackActions.ChooseIntent, "intent:working_hours")));
        Assert.Equal("working_hours", choice.Message.ChosenIntent);
        Assert.Equal("Working hours", choice.Message.Text);
        Assert.Null(choice.Message.PostingId);
        Assert.Equal("C_BOUND", choice.Message.ConversationId);
        Assert.Equal("1700000200.123456", choice.Message.ExternalId);
        Assert.Equal(new SlackReplyAddress("C_BOUND", "1700000000.000100"), choice.ReplyTo with { UserId = null, TeamId = null });
        Assert.Equal("U123", choice.ReplyTo.UserId);
        Assert.Equal(ResponseUrl, choice.AckUrl);
    }

    [Fact]
    public void Posting_choice_sets_the_posting()
    {
        var choice = Assert.IsType<SlackInteraction.Choice>(Parse(Payload(SlackActions.ChoosePosting, "posting:phd-research-intern-europe", "PhD intern")));
        Assert.Equal("phd-research-intern-europe", choice.Message.PostingId);
        Assert.Null(choice.Message.ChosenIntent);
    }

    [Fact]
    public void Button_outside_a_thread_answers_under_the_pressed_message()
    {
        var container = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000100.000300", ["channel_id"] = "D042" };
        var payload = Payload(SlackActions.ChooseIntent, "intent:remote", container: container);
        payload.Remove("channel");
        payload["message"] = new JsonObject { ["ts"] = "1700000100.000300" };
        var choice = Assert.IsType<SlackInteraction.Choice>(Parse(payload));
        Assert.Equal(new SlackReplyAddress("D042", "1700000100.000300"), choice.ReplyTo with { UserId = null, TeamId = null });
    }

    [Fact]
    public void Button_on_an_ephemeral_message_answers_at_the_response_url()
    {
        var container = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000100.000300", ["channel_id"] = "C_BOUND", ["is_ephemeral"] = true };
        var choice = Assert.IsType<SlackInteraction.Choice>(Parse(Payload(SlackActions.ChooseIntent, "intent:remote", container: container)));
        Assert.Equal(ResponseUrl, choice.ReplyTo.ResponseUrl);
    }

    [Fact]
    public void Other_payloads_and_actions_are_ignored()
    {
        Assert.IsType<SlackInteraction.Ignored>(Parse(new JsonObject { ["type"] = "view_submission" }));
        Assert.IsType<SlackInteraction.Ignored>(Parse(Payload("something_else", "x")));
    }

    [Theory]
    [InlineData(SlackActions.ChooseIntent, "posting:x", "choose_intent value does not start with intent:")]
    [InlineData(SlackActions.ChoosePosting, "posting:", "choose_posting value does not start with posting:")]
    [InlineData(SlackActions.FeedbackUp, "", "feedback without a message id")]
    public void Button_with_a_foreign_value_is_refused(string actionId, string value, string reason)
    {
        Assert.Equal(reason, Assert.Throws<SlackRequestException>(() => Parse(Payload(actionId, value))).Reason);
    }

    [Fact]
    public void Malformed_payloads_name_the_reason()
    {
        string Reason(byte[] body) => Assert.Throws<SlackRequestException>(() => Parse(body)).Reason;
        Assert.Equal("form field 'payload' missing", Reason(SlackTestKit.Form(("type", "block_actions"))));
        Assert.Equal("payload is not valid JSON", Reason(SlackTestKit.Form(("payload", "{\"type\":"))));
        Assert.Equal("'actions' missing", Reason(SlackTestKit.Form(("payload", """{"type":"block_actions","actions":[]}"""))));
        var noUser = Payload(SlackActions.FeedbackUp, "msg_1");
        noUser.Remove("user");
        Assert.Equal("'id' missing", Reason(SlackTestKit.Form(("payload", noUser.ToJsonString()))));
    }
}
