using System.Text.Json.Nodes;
using Botshop.Channels.Teams;
using Botshop.Core.Answering;
using Botshop.Core.Knowledge;

namespace Botshop.Channels.Tests.Teams;

public sealed class TeamsReplyRendererTests
{
    private static readonly TeamsActivity Incoming = new()
    {
        Type = "message",
        Id = "1700000000001",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        From = new ChannelAccount("29:user", "Ada"),
        Recipient = new ChannelAccount("28:bot", "JobBot"),
        Conversation = new ConversationAccount("a:1Xy", "personal", "t1"),
    };

    private static readonly Reply Answer = new(ReplyKind.Answered, "Bands are on each posting.", "p1", "salary", 0.9f,
        [new Passage("p1-3", "Pay", "The band is 60-70k.", 3)], []);

    private readonly TeamsReplyRenderer _renderer = new();

    [Fact]
    public void Answer_is_a_threaded_reply_with_a_card_quoting_its_sources_and_feedback_buttons()
    {
        var reply = _renderer.RenderReply(Incoming, Answer, messageId: 42);

        Assert.Equal(("https://smba.trafficmanager.net/amer/", "a:1Xy", "1700000000001"), (reply.ServiceUrl, reply.ConversationId, reply.ReplyToId));
        var body = reply.Body;
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("Bands are on each posting.", (string?)body["text"]);
        Assert.Equal("1700000000001", (string?)body["replyToId"]);
        Assert.Equal("28:bot", (string?)body["from"]!["id"]);
        Assert.Equal("29:user", (string?)body["recipient"]!["id"]);
        Assert.Equal("a:1Xy", (string?)body["conversation"]!["id"]);

        var attachment = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal(("AdaptiveCard", "1.5"), ((string?)card["type"], (string?)card["version"]));
        var blocks = card["body"]!.AsArray();
        Assert.Equal(2, blocks.Count);
        Assert.Equal("Bands are on each posting.", (string?)blocks[0]!["text"]);
        Assert.True((bool)blocks[0]!["wrap"]!);
        Assert.Equal("Pay: “The band is 60-70k.”", (string?)blocks[1]!["text"]);
        Assert.Equal((true, "Small"), ((bool)blocks[1]!["isSubtle"]!, (string?)blocks[1]!["size"]));

        var actions = card["actions"]!.AsArray();
        Assert.Equal(["👍 Helpful", "👎 Not helpful"], actions.Select(a => (string?)a!["title"]));
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string?)a!["type"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"kind":"feedback","messageId":42,"vote":"up"}"""), actions[0]!["data"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"kind":"feedback","messageId":42,"vote":"down"}"""), actions[1]!["data"]));
    }

    [Theory]
    [InlineData(ReplyKind.NotInPosting)]
    [InlineData(ReplyKind.OutOfScope)]
    [InlineData(ReplyKind.Help)]
    public void Replies_that_state_no_fact_have_no_feedback_buttons(ReplyKind kind)
    {
        var card = _renderer.RenderCard(Answer with { Kind = kind, Sources = [] }, messageId: 42);
        Assert.Null(card["actions"]);
        Assert.Single(card["body"]!.AsArray());
    }

    [Fact]
    public void Answer_without_a_message_id_has_no_feedback_buttons() =>
        Assert.Null(_renderer.RenderCard(Answer, messageId: null)["actions"]);

    [Fact]
    public void Did_you_mean_offers_one_button_per_choice()
    {
        var reply = new Reply(ReplyKind.Ambiguous, "Did you mean: Salary, or Benefits?", "p1", null, 0.4f, [],
            [ReplyChoice.ForIntent("Salary", "salary"), ReplyChoice.ForIntent("Benefits", "benefits")]);

        var actions = _renderer.RenderCard(reply, messageId: 42)["actions"]!.AsArray();

        Assert.Equal(["Salary", "Benefits"], actions.Select(a => (string?)a!["title"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"kind":"choice","value":"intent:salary","label":"Salary"}"""), actions[0]!["data"]));
    }

    [Fact]
    public void Posting_choice_buttons_carry_the_posting()
    {
        var reply = ReplyTexts.ChoosePosting([new Posting("be-1", "Backend", [], [], "h"), new Posting("fe-1", "Frontend", [], [], "h")]);
        var actions = _renderer.RenderCard(reply, null)["actions"]!.AsArray();
        Assert.Equal(["posting:be-1", "posting:fe-1"], actions.Select(a => (string?)a!["data"]!["value"]));
    }

    [Fact]
    public void Markdown_and_html_in_echoed_text_are_escaped()
    {
        var reply = Answer with
        {
            Text = "Click [here](https://evil.example) <b>now</b> *really* &amp; `code`",
            Sources = [new Passage("x", "[Pay](javascript:alert(1))", "_under_ <img src=x>", 1)],
        };

        var blocks = _renderer.RenderCard(reply, 1)["body"]!.AsArray();

        Assert.Equal(@"Click \[here\]\(https://evil.example\) \<b\>now\</b\> \*really\* \&amp; \`code\`", (string?)blocks[0]!["text"]);
        Assert.Equal(@"\[Pay\]\(javascript:alert\(1\)\): “\_under\_ \<img src=x\>”", (string?)blocks[1]!["text"]);
    }

    [Fact]
    public void Line_breaks_survive_markdown()
    {
        var help = new Reply(ReplyKind.Help, "Ask me, for example:\n• Is it remote?", null, null, 0, [], []);
        Assert.Equal("Ask me, for example:\n\n• Is it remote?", (string?)_renderer.RenderCard(help, null)["body"]![0]!["text"]);
    }

    [Fact]
    public void Welcome_is_a_new_message_not_a_reply()
    {
        var welcome = _renderer.RenderWelcome(Incoming with { Type = "conversationUpdate" },
            new Reply(ReplyKind.Help, "Ask me anything.", null, null, 0, [], []));
        Assert.Null(welcome.ReplyToId);
        Assert.Null(welcome.Body["replyToId"]);
    }
}
