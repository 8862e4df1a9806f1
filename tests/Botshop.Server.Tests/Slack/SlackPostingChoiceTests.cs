using System.Net;
using Botshop.Channels.Slack;
using Botshop.Core.Answering;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Slack;

/// <summary>With two postings, a conversation is about the posting bound to it, or the candidate is asked to choose.</summary>
[Collection(SlackTwoPostingsCollection.Name)]
public sealed class SlackPostingChoiceTests(SlackTwoPostingsFixture slack)
{
    [Fact]
    public async Task Ask_posting_binds_the_channel_so_mentions_there_are_answered_for_that_posting()
    {
        var channel = SlackPayloads.NewChannel();

        using var bind = await slack.PostCommandAsync(SlackPayloads.AskCommand(channel, "posting " + TestKnowledge.SecondPostingId, slack.Slack.NewResponseUrl()));
        var bound = await SlackCommandTests.JsonBodyAsync(bind);
        Assert.Equal("ephemeral", (string?)bound["response_type"]);
        Assert.Contains(TestKnowledge.SecondPostingTitle, (string?)bound["text"]);

        using var asked = await slack.PostEventAsync(SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var post = Assert.Single(await slack.Slack.WaitForPostMessagesInAsync(channel));
        Assert.Equal(TestKnowledge.SecondDurationAnswer, (string?)SlackServerFixture.BodyOf(post)["text"]);
        var stored = Assert.Single(await slack.SettledMessagesInAsync(channel));
        Assert.Equal(("Answered", TestKnowledge.SecondPostingId), (stored.ReplyKind, stored.PostingId));
    }

    [Fact]
    public async Task Channel_bound_in_configuration_is_answered_for_its_posting()
    {
        var channel = SlackTwoPostingsFixture.ConfiguredChannel;
        var before = slack.Slack.PostMessagesIn(channel).Count;

        using var asked = await slack.PostEventAsync(SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var post = (await slack.Slack.WaitForPostMessagesInAsync(channel, before + 1))[before];
        Assert.Equal(TestKnowledge.DurationAnswer, (string?)SlackServerFixture.BodyOf(post)["text"]);
    }

    [Fact]
    public async Task Ask_alone_in_a_channel_bound_in_configuration_helps_with_its_posting()
    {
        using var response = await slack.PostCommandAsync(SlackPayloads.AskCommand(SlackTwoPostingsFixture.ConfiguredChannel, "", slack.Slack.NewResponseUrl()));

        var body = await SlackCommandTests.JsonBodyAsync(response);
        Assert.StartsWith($"Ask me anything about the {TestKnowledge.PostingTitle} posting", (string?)body["text"]);
        Assert.DoesNotContain(body["blocks"]!.AsArray(), b => (string?)b!["type"] == "actions");
    }

    [Fact]
    public async Task Ask_alone_in_an_unbound_channel_offers_the_postings()
    {
        using var response = await slack.PostCommandAsync(SlackPayloads.AskCommand(SlackPayloads.NewChannel(), "", slack.Slack.NewResponseUrl()));

        var body = await SlackCommandTests.JsonBodyAsync(response);
        Assert.StartsWith("Ask me anything about a job posting", (string?)body["text"]);
        var values = body["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").Select(b => (string?)b!["elements"]![0]!["value"]);
        Assert.Equal(new[] { TestKnowledge.PostingId, TestKnowledge.SecondPostingId }.Select(id => ReplyChoice.PostingPrefix + id).Order(), values.Order());
    }

    [Fact]
    public async Task Ask_posting_rebinds_a_channel_bound_in_configuration()
    {
        var channel = SlackTwoPostingsFixture.ReboundChannel;

        using var bind = await slack.PostCommandAsync(SlackPayloads.AskCommand(channel, "posting " + TestKnowledge.SecondPostingId, slack.Slack.NewResponseUrl()));
        Assert.Contains(TestKnowledge.SecondPostingTitle, (string?)(await SlackCommandTests.JsonBodyAsync(bind))["text"]);

        using var asked = await slack.PostEventAsync(SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion));
        // What the command said is what happens: the answer is about the posting just chosen, not the configured one.
        var post = Assert.Single(await slack.Slack.WaitForPostMessagesInAsync(channel));
        Assert.Equal(TestKnowledge.SecondDurationAnswer, (string?)SlackServerFixture.BodyOf(post)["text"]);
    }

    [Fact]
    public async Task Binding_to_an_unknown_posting_names_the_postings_and_binds_nothing()
    {
        var channel = SlackPayloads.NewChannel();

        using var bind = await slack.PostCommandAsync(SlackPayloads.AskCommand(channel, "posting no-such-job", slack.Slack.NewResponseUrl()));

        var body = await SlackCommandTests.JsonBodyAsync(bind);
        Assert.Contains("no-such-job", (string?)body["text"]);
        Assert.Contains(TestKnowledge.SecondPostingId, (string?)body["text"]);
        using var asked = await slack.PostEventAsync(SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion));
        var post = Assert.Single(await slack.Slack.WaitForPostMessagesInAsync(channel));
        Assert.Equal("Which posting are you asking about?", (string?)SlackServerFixture.BodyOf(post)["text"]);
    }

    [Fact]
    public async Task Unbound_direct_question_gets_which_posting_buttons_and_a_choice_answers_from_then_on()
    {
        var dm = SlackPayloads.NewChannel("D");
        var ts = SlackPayloads.NewTs();

        using var asked = await slack.PostEventAsync(SlackPayloads.DirectMessage(dm, ts, TestKnowledge.DurationQuestion));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var choice = SlackServerFixture.BodyOf(Assert.Single(await slack.Slack.WaitForPostMessagesInAsync(dm)));
        Assert.Equal(("Which posting are you asking about?", ts), ((string?)choice["text"], (string?)choice["thread_ts"]));
        var buttons = choice["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").Select(b => Assert.Single(b!["elements"]!.AsArray())!).ToList();
        Assert.All(buttons, b => Assert.Equal(SlackActions.ChoosePosting, (string?)b["action_id"]));
        Assert.Equal(new[] { TestKnowledge.PostingId, TestKnowledge.SecondPostingId }.Select(id => ReplyChoice.PostingPrefix + id).Order(),
            buttons.Select(b => (string?)b["value"]).Order());
        Assert.Equal("ChoosePosting", Assert.Single(await slack.SettledMessagesInAsync(dm)).ReplyKind);

        // Pressing "Gadget Designer Intern" binds the DM; the next question there is answered for that posting.
        var second = buttons.Single(b => (string?)b["value"] == ReplyChoice.PostingPrefix + TestKnowledge.SecondPostingId);
        var press = SlackPayloads.ButtonPress(dm, SlackPayloads.NewTs(), SlackActions.ChoosePosting, (string)second["value"]!,
            (string)second["text"]!["text"]!, slack.Slack.NewResponseUrl());
        using (var pressed = await slack.PostInteractionAsync(press))
            Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        await slack.Slack.WaitForPostMessagesInAsync(dm, count: 2);
        using (var again = await slack.PostEventAsync(SlackPayloads.DirectMessage(dm, SlackPayloads.NewTs(), TestKnowledge.DurationQuestion)))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = (await slack.Slack.WaitForPostMessagesInAsync(dm, count: 3))[2];
        Assert.Equal(TestKnowledge.SecondDurationAnswer, (string?)SlackServerFixture.BodyOf(answer)["text"]);
    }
}
