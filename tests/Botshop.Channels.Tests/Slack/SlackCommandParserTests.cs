using Botshop.Channels.Slack;

namespace Botshop.Channels.Tests.Slack;

public sealed class SlackCommandParserTests
{
    private const string ResponseUrl = "https://hooks.slack.com/commands/T1/397700885554/96rGlfmib";

    private static SlackCommand Parse(byte[] body) => new SlackCommandParser().Parse(body, SlackTestKit.Pseudonym);

    private static byte[] Ask(string text, string channel = "C_BOUND") => SlackTestKit.Form(
        ("token", "legacy"), ("team_id", "T1"), ("channel_id", channel), ("channel_name", "jobs"), ("user_id", "U123"),
        ("user_name", "ada"), ("command", "/ask"), ("text", text), ("response_url", ResponseUrl), ("trigger_id", "398738.4744.803a"));

    [Fact]
    public void Question_becomes_a_message_answered_at_the_response_url()
    {
        var command = Assert.IsType<SlackCommand.Question>(Parse(Ask("is it remote & paid?")));
        Assert.Equal("is it remote & paid?", command.Message.Text);
        Assert.Equal("C_BOUND", command.Message.ConversationId);
        Assert.Null(command.Message.PostingId);
        Assert.Equal(SlackTestKit.Pseudonym.For("slack", "U123"), command.Message.UserRef);
        Assert.Equal("398738.4744.803a", command.Message.ExternalId);
        // The raw user id rides along in memory only, for a later reply by DM (stored encrypted, never in clear).
        Assert.Equal(new SlackReplyAddress("C_BOUND", null, ResponseUrl, "U123", "T1"), command.ReplyTo);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    [InlineData("posting")]
    public void Bare_ask_or_help_asks_for_help(string text)
    {
        var help = Assert.IsType<SlackCommand.Help>(Parse(Ask(text)));
        Assert.Equal("C_BOUND", help.ChannelId);
        Assert.Equal(ResponseUrl, help.ReplyTo.ResponseUrl);
    }

    [Fact]
    public void Posting_subcommand_binds_the_channel()
    {
        var bind = Assert.IsType<SlackCommand.BindPosting>(Parse(Ask("posting phd-research-intern-europe", channel: "C_NEW")));
        Assert.Equal(("C_NEW", "phd-research-intern-europe"), (bind.ChannelId, bind.PostingId));
    }

    [Fact]
    public void Ssl_check_is_recognised()
    {
        Assert.IsType<SlackCommand.SslCheck>(Parse(SlackTestKit.Form(("ssl_check", "1"), ("token", "legacy"))));
    }

    [Fact]
    public void Slack_test_vector_body_parses_as_a_form()
    {
        var form = SlackForm.Parse(SlackTestKit.Utf8(SlackSignatureVerifierTests.VectorBody));
        Assert.Equal("/webhook-collect", form["command"]);
        Assert.Equal("", form["text"]);
        Assert.Equal("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN", form["response_url"]);
    }

    [Theory]
    [InlineData("", "form body is empty")]
    [InlineData("=x&command=%2Fask", "form field without a name or '='")]
    [InlineData("command", "form field without a name or '='")]
    [InlineData("command=%2Fask&command=%2Fask", "form field 'command' repeated")]
    [InlineData("channel_id=C1&user_id=U1", "form field 'command' missing")]
    [InlineData("command=%2Fdeploy&channel_id=C1", "unknown command /deploy")]
    [InlineData("command=%2Fask&user_id=U1&response_url=x", "form field 'channel_id' missing")]
    [InlineData("command=%2Fask&channel_id=C1&user_id=U1&response_url=not-a-url", "response_url is not an absolute URL")]
    public void Malformed_command_names_the_reason(string body, string reason)
    {
        Assert.Equal(reason, Assert.Throws<SlackRequestException>(() => Parse(SlackTestKit.Utf8(body))).Reason);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        Assert.Equal("form body is not UTF-8",
            Assert.Throws<SlackRequestException>(() => Parse([0x74, 0x65, 0x78, 0x74, 0x3d, 0xff, 0xfe])).Reason);
    }
}
