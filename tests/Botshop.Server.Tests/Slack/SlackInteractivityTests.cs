using System.Net;
using Botshop.Channels.Slack;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Slack;

[Collection(SlackServerCollection.Name)]
public sealed class SlackInteractivityTests(SlackOnePostingFixture slack)
{
    [Fact]
    public async Task Thumbs_up_on_an_answer_stores_the_vote_and_thanks_at_the_response_url()
    {
        var channel = SlackPayloads.NewChannel();
        using (var asked = await slack.PostEventAsync(SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion)))
            asked.EnsureSuccessStatusCode();
        var answer = SlackServerFixture.BodyOf(Assert.Single(await slack.Slack.WaitForPostMessagesInAsync(channel)));
        var up = answer["blocks"]!.AsArray().Last()!["elements"]!.AsArray().Single(b => (string?)b!["action_id"] == SlackActions.FeedbackUp)!;
        var responseUrl = slack.Slack.NewResponseUrl();

        var press = SlackPayloads.ButtonPress(channel, SlackPayloads.NewTs(), SlackActions.FeedbackUp, (string)up["value"]!, ":+1: Helpful", responseUrl);
        using var response = await slack.PostInteractionAsync(press);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await slack.Server.Database.MessagesInConversationAsync("slack", channel));
        Assert.Equal(1, Assert.Single(await slack.Server.Database.VotesAsync(stored.Id)).Vote);
        var thanks = Assert.Single(await slack.Slack.WaitForPostsToAsync(responseUrl));
        Assert.Null(thanks.Header("Authorization"));
        Assert.Contains("Thanks", (string?)SlackServerFixture.BodyOf(thanks)["text"]);
    }

    [Fact]
    public async Task Chosen_intent_button_is_answered_with_that_intent_in_the_thread()
    {
        var channel = SlackPayloads.NewChannel();
        var messageTs = SlackPayloads.NewTs();

        var press = SlackPayloads.ButtonPress(channel, messageTs, SlackActions.ChooseIntent, "intent:duration", "how long the internship lasts", slack.Slack.NewResponseUrl());
        using var response = await slack.PostInteractionAsync(press);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await slack.Slack.WaitForPostMessagesInAsync(channel));
        Assert.Equal("Bearer " + FakeSlack.BotToken, post.Header("Authorization"));
        var body = SlackServerFixture.BodyOf(post);
        Assert.Equal((messageTs, TestKnowledge.DurationAnswer), ((string?)body["thread_ts"], (string?)body["text"]));
        Assert.Equal("Answered", Assert.Single(await slack.SettledMessagesInAsync(channel)).ReplyKind);
    }

    [Theory]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C")]
    [InlineData("payload=%5B%5D")]
    [InlineData("not_a_payload=1")]
    public async Task Signed_malformed_payload_is_refused_with_400(string form)
    {
        using var response = await slack.PostSignedAsync(SlackRoutes.Interactivity, System.Text.Encoding.UTF8.GetBytes(form), SlackServerFixture.FormType);

        await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unsigned_button_press_is_refused_with_401_and_no_vote_is_stored()
    {
        var channel = SlackPayloads.NewChannel();
        using (var asked = await slack.PostEventAsync(SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion)))
            asked.EnsureSuccessStatusCode();
        await slack.Slack.WaitForPostMessagesInAsync(channel);
        var stored = Assert.Single(await slack.Server.Database.MessagesInConversationAsync("slack", channel));
        var press = SlackPayloads.ButtonPress(channel, SlackPayloads.NewTs(), SlackActions.FeedbackDown, stored.Id.ToString(), ":-1: Not helpful", slack.Slack.NewResponseUrl());
        var body = SlackServerFixture.Form(new Dictionary<string, string> { ["payload"] = press.ToJsonString() });

        using var response = await slack.PostAsync(SlackRoutes.Interactivity, body, SlackServerFixture.FormType, new Dictionary<string, string>());

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(await slack.Server.Database.VotesAsync(stored.Id));
    }
}
