using System.Text.Json.Nodes;
using Botshop.Channels.Slack;

namespace Botshop.Channels.Tests.Slack;

public sealed class SlackEventParserTests
{
    private static SlackEventParser Parser(Action<SlackOptions>? configure = null)
    {
        var options = SlackTestKit.Options(o => { o.ChannelPostings["C_BOUND"] = "research-intern-london"; configure?.Invoke(o); });
        return new SlackEventParser(new SlackBotIdentity(options));
    }

    private static SlackEvent Parse(JsonObject body, Action<SlackOptions>? configure = null) =>
        Parser(configure).Parse(SlackTestKit.Utf8(body.ToJsonString()), SlackTestKit.Pseudonym);

    private static JsonObject Callback(JsonObject ev, string eventId = "Ev0PV52K25") => new()
    {
        ["token"] = "legacy",
        ["team_id"] = "T1",
        ["api_app_id"] = "A1",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
        ["event"] = ev,
    };

    private static JsonObject Mention(string text = "<@UBOT> is the role remote?", string channel = "C_BOUND") => new()
    {
        ["type"] = "app_mention",
        ["user"] = "U123",
        ["text"] = text,
        ["channel"] = channel,
        ["ts"] = "1700000000.000100",
    };

    private static JsonObject DirectMessage() => new()
    {
        ["type"] = "message",
        ["channel_type"] = "im",
        ["user"] = "U123",
        ["text"] = "When does it start?",
        ["channel"] = "D042",
        ["ts"] = "1700000001.000200",
    };

    [Fact]
    public void Url_verification_returns_the_challenge()
    {
        var result = Parse(new JsonObject { ["token"] = "t", ["challenge"] = "3eZbrw1aBm2rZg", ["type"] = "url_verification" });
        Assert.Equal(new SlackEvent.UrlVerification("3eZbrw1aBm2rZg"), result);
    }

    [Fact]
    public void App_mention_becomes_a_question_without_the_bot_mention()
    {
        var result = Assert.IsType<SlackEvent.Question>(Parse(Callback(Mention())));
        Assert.Equal("slack", result.Message.Channel);
        Assert.Equal("C_BOUND", result.Message.ConversationId);
        Assert.Equal("is the role remote?", result.Message.Text);
        // The posting is resolved from the store (where configured bindings are seeded), not stamped by the parser.
        Assert.Null(result.Message.PostingId);
        Assert.Equal("Ev0PV52K25", result.Message.ExternalId);
        Assert.Null(result.Message.ChosenIntent);
        Assert.Equal(new SlackReplyAddress("C_BOUND", "1700000000.000100", UserId: "U123", TeamId: "T1"), result.ReplyTo);
    }

    [Fact]
    public void User_ref_is_the_pseudonym_never_the_slack_user_id()
    {
        var result = Assert.IsType<SlackEvent.Question>(Parse(Callback(Mention())));
        Assert.Equal(SlackTestKit.Pseudonym.For("slack", "U123"), result.Message.UserRef);
        Assert.DoesNotContain("U123", result.Message.UserRef);
    }

    [Fact]
    public void Mention_in_the_middle_and_legacy_form_are_stripped_other_mentions_kept()
    {
        var result = Assert.IsType<SlackEvent.Question>(Parse(Callback(Mention("Hi <@UBOT|botshop> can <@U999> apply &amp; is &lt;10h&gt; ok?"))));
        Assert.Equal("Hi can <@U999> apply & is <10h> ok?", result.Message.Text);
    }

    [Fact]
    public void Direct_message_becomes_a_question_in_an_unbound_conversation()
    {
        var result = Assert.IsType<SlackEvent.Question>(Parse(Callback(DirectMessage())));
        Assert.Equal("D042", result.Message.ConversationId);
        Assert.Equal("When does it start?", result.Message.Text);
        Assert.Null(result.Message.PostingId);
    }

    [Fact]
    public void Reply_goes_into_the_existing_thread_when_there_is_one()
    {
        var ev = Mention();
        ev["thread_ts"] = "1699999999.000001";
        var result = Assert.IsType<SlackEvent.Question>(Parse(Callback(ev)));
        Assert.Equal("1699999999.000001", result.ReplyTo.ThreadTs);
    }

    [Fact]
    public void Message_ts_keeps_its_exact_string()
    {
        var ev = Mention();
        ev["ts"] = "1700000000.000100";
        var result = Assert.IsType<SlackEvent.Question>(Parse(Callback(ev)));
        Assert.Equal("1700000000.000100", result.ReplyTo.ThreadTs); // a double would print 1700000000.0001
    }

    [Theory]
    [InlineData("bot_id", "B1", "bot message")]
    [InlineData("subtype", "bot_message", "subtype bot_message")]
    [InlineData("subtype", "message_changed", "subtype message_changed")]
    public void Bot_echoes_and_subtypes_are_ignored(string field, string value, string reason)
    {
        var ev = DirectMessage();
        ev[field] = value;
        Assert.Equal(new SlackEvent.Ignored(reason), Parse(Callback(ev)));
    }

    [Fact]
    public void Own_message_is_ignored()
    {
        var ev = DirectMessage();
        ev["user"] = SlackTestKit.BotUser;
        Assert.Equal(new SlackEvent.Ignored("own message"), Parse(Callback(ev)));
    }

    [Fact]
    public void Without_a_configured_bot_id_the_authorizations_name_the_bot()
    {
        var ev = DirectMessage();
        ev["user"] = "UAUTH";
        var body = Callback(ev);
        body["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T1", ["user_id"] = "UAUTH", ["is_bot"] = true });
        Assert.Equal(new SlackEvent.Ignored("own message"), Parse(body, o => o.BotUserId = null));

        var mention = Callback(Mention("<@UAUTH> remote?"));
        mention["authorizations"] = body["authorizations"]!.DeepClone();
        var question = Assert.IsType<SlackEvent.Question>(Parse(mention, o => o.BotUserId = null));
        Assert.Equal("remote?", question.Message.Text);
    }

    [Fact]
    public void Learnt_identity_overrides_the_configured_one()
    {
        var options = SlackTestKit.Options(o => o.BotUserId = "UOLD");
        var identity = new SlackBotIdentity(options);
        identity.Learn(new SlackAuthIdentity("UNEW", "B9", "T1"));
        var parser = new SlackEventParser(identity);
        var ev = DirectMessage();
        ev["user"] = "UNEW";
        Assert.Equal(new SlackEvent.Ignored("own message"),
            parser.Parse(SlackTestKit.Utf8(Callback(ev).ToJsonString()), SlackTestKit.Pseudonym));
    }

    [Theory]
    [InlineData("message", "channel")]
    [InlineData("reaction_added", null)]
    public void Other_events_are_ignored(string type, string? channelType)
    {
        var ev = DirectMessage();
        ev["type"] = type;
        ev["channel_type"] = channelType;
        Assert.IsType<SlackEvent.Ignored>(Parse(Callback(ev)));
    }

    [Fact]
    public void Other_envelope_types_are_ignored()
    {
        Assert.IsType<SlackEvent.Ignored>(Parse(new JsonObject { ["type"] = "app_rate_limited", ["minute_rate_limited"] = 1 }));
    }

    [Theory]
    [InlineData("{not json", "event body is not valid JSON")]
    [InlineData("[]", "event body is not a JSON object")]
    [InlineData("""{"challenge":"x"}""", "'type' missing")]
    [InlineData("""{"type":"url_verification"}""", "'challenge' missing")]
    [InlineData("""{"type":"event_callback","event":{}}""", "'event_id' missing")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1"}""", "'event' missing")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","user":"U1","channel":"C1","ts":1700000000.0001}}""", "'ts' is not a string")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","user":"U1","ts":"1.2"}}""", "'channel' missing")]
    public void Malformed_event_names_the_reason(string body, string reason)
    {
        var error = Assert.Throws<SlackRequestException>(() => Parser().Parse(SlackTestKit.Utf8(body), SlackTestKit.Pseudonym));
        Assert.Equal(reason, error.Reason);
    }
}
