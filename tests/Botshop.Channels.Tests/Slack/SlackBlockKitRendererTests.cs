using System.Text.Json.Nodes;
using Botshop.Channels.Slack;
using Botshop.Core.Answering;
using Botshop.Core.Knowledge;

namespace Botshop.Channels.Tests.Slack;

public sealed class SlackBlockKitRendererTests
{
    private static readonly SlackBlockKitRenderer Renderer = new();

    private static Reply Reply(ReplyKind kind, string text, IReadOnlyList<Passage>? sources = null, IReadOnlyList<ReplyChoice>? choices = null) =>
        new(kind, text, "research-intern-london", "remote", 0.9f, sources ?? [], choices ?? []);

    private static IEnumerable<JsonObject> Blocks(SlackMessage m) => m.Blocks.Select(b => b!.AsObject());
    private static string Type(JsonObject block) => (string)block["type"]!;
    private static IEnumerable<JsonObject> Buttons(SlackMessage m) =>
        Blocks(m).Where(b => Type(b) == "actions").SelectMany(b => b["elements"]!.AsArray().Select(e => e!.AsObject()));

    [Fact]
    public void Answer_has_text_fallback_section_quote_and_feedback_buttons()
    {
        var passage = new Passage("p1", "Location", "The role is hybrid: two days a week in London.", 3);
        var message = Renderer.Render(Reply(ReplyKind.Answered, "Yes, it is hybrid.", [passage]), "msg_42");

        Assert.Equal("Yes, it is hybrid.", message.Text);
        Assert.Equal(["section", "context", "actions"], Blocks(message).Select(Type));
        Assert.Equal("Yes, it is hybrid.", (string)message.Blocks[0]!["text"]!["text"]!);
        Assert.Equal("mrkdwn", (string)message.Blocks[0]!["text"]!["type"]!);
        Assert.Equal("> The role is hybrid: two days a week in London.\n_Location_", (string)message.Blocks[1]!["elements"]![0]!["text"]!);
        Assert.Equal([(SlackActions.FeedbackUp, "msg_42"), (SlackActions.FeedbackDown, "msg_42")],
            Buttons(message).Select(b => ((string)b["action_id"]!, (string)b["value"]!)));
    }

    [Theory]
    [InlineData(ReplyKind.NotInPosting)]
    [InlineData(ReplyKind.OutOfScope)]
    [InlineData(ReplyKind.Help)]
    public void Only_answers_get_feedback_buttons(ReplyKind kind)
    {
        var message = Renderer.Render(Reply(kind, "I've passed your question to a recruiter."), "msg_1");
        Assert.Empty(Buttons(message));
        Assert.Equal(["section"], Blocks(message).Select(Type));
    }

    [Theory]
    [InlineData(ReplyKind.Ambiguous, SlackActions.ChooseIntent)]
    [InlineData(ReplyKind.ChoosePosting, SlackActions.ChoosePosting)]
    public void Choices_become_buttons_carrying_their_values(ReplyKind kind, string actionId)
    {
        var choices = new[] { ReplyChoice.ForIntent("Working hours", "hours"), ReplyChoice.ForPosting("PhD intern", "phd") };
        var message = Renderer.Render(Reply(kind, "Did you mean: Working hours, or PhD intern?", choices: choices), "msg_1");
        var buttons = Buttons(message).ToList();
        Assert.Equal([(actionId, "Working hours", "intent:hours"), (actionId, "PhD intern", "posting:phd")],
            buttons.Select(b => ((string)b["action_id"]!, (string)b["text"]!["text"]!, (string)b["value"]!)));
        Assert.All(buttons, b => Assert.Equal("plain_text", (string)b["text"]!["type"]!));
        // Slack wants action_ids unique per block: every block holds one of them at most once.
        Assert.All(Blocks(message).Where(b => Type(b) == "actions"), b =>
            Assert.Equal(b["elements"]!.AsArray().Count, b["elements"]!.AsArray().Select(e => (string)e!["action_id"]!).Distinct().Count()));
        Assert.Equal(2, Blocks(message).Select(b => (string?)b["block_id"]).Where(id => id is not null).Distinct().Count());
    }

    [Fact]
    public void Candidate_text_cannot_become_a_mention_link_or_markup()
    {
        const string hostile = "<!channel> <script>alert(1)</script> & <@U123> <https://evil.example|click>";
        var passage = new Passage("p1", "<!here>", hostile, 1);
        var message = Renderer.Render(Reply(ReplyKind.Answered, hostile, [passage]), "msg_1");

        const string escaped = "&lt;!channel&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;@U123&gt; &lt;https://evil.example|click&gt;";
        Assert.Equal(escaped, message.Text);
        Assert.Equal(escaped, (string)message.Blocks[0]!["text"]!["text"]!);
        Assert.Equal("> " + escaped + "\n_&lt;!here&gt;_", (string)message.Blocks[1]!["elements"]![0]!["text"]!);
        Assert.True((bool)message.Blocks[0]!["text"]!["verbatim"]!);
        var json = message.Blocks.ToJsonString() + message.Text;
        Assert.DoesNotContain("<!", json);
        Assert.DoesNotContain("<@", json);
        Assert.DoesNotContain("<script", json);
    }

    [Fact]
    public void Long_answer_is_split_into_sections_within_the_limit_losing_no_words()
    {
        var words = Enumerable.Range(0, 2000).Select(i => $"w{i}&").ToList();
        var text = string.Join(" ", words);
        var message = Renderer.Render(Reply(ReplyKind.Answered, text), "msg_1");
        var sections = Blocks(message).Where(b => Type(b) == "section").Select(b => (string)b["text"]!["text"]!).ToList();

        Assert.True(sections.Count > 1);
        Assert.All(sections, s => Assert.InRange(s.Length, 1, BlockKitLimits.MaxSectionText));
        Assert.Equal(SlackText.Escape(text), string.Join(" ", sections));
    }

    [Fact]
    public void Unbroken_text_is_never_cut_inside_an_entity()
    {
        var text = new string('a', 2998) + "&&&&&&&&";
        var sections = BlockKitLimits.Chunk(SlackText.Escape(text), BlockKitLimits.MaxSectionText);
        Assert.Equal(SlackText.Escape(text), string.Concat(sections));
        Assert.All(sections, s => Assert.Matches("^(a|&amp;)+$", s));
    }

    [Fact]
    public void Many_sources_and_choices_stay_within_fifty_blocks_and_button_text_within_75()
    {
        var sources = Enumerable.Range(0, 80).Select(i => new Passage($"p{i}", "S", "passage " + i, i)).ToList();
        var answered = Renderer.Render(Reply(ReplyKind.Answered, "Answer.", sources), "msg_1");
        Assert.Equal(BlockKitLimits.MaxBlocks, answered.Blocks.Count);
        Assert.Equal("actions", Type(Blocks(answered).Last()));

        var choices = Enumerable.Range(0, 60).Select(i => ReplyChoice.ForPosting(new string('x', 100) + i, "p" + i)).ToList();
        var choosing = Renderer.Render(Reply(ReplyKind.ChoosePosting, "Which posting?", choices: choices), "msg_1");
        Assert.InRange(choosing.Blocks.Count, 2, BlockKitLimits.MaxBlocks);
        Assert.All(Buttons(choosing), b => Assert.InRange(((string)b["text"]!["text"]!).Length, 1, BlockKitLimits.MaxButtonText));
    }
}
