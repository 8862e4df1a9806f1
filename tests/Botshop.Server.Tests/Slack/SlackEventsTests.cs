using System.Net;
using System.Text.Json.Nodes;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Slack;

[Collection(SlackServerCollection.Name)]
public sealed class SlackEventsTests(SlackOnePostingFixture slack)
{
    [Fact]
    public async Task Signed_url_verification_is_answered_with_the_challenge()
    {
        var challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" + Guid.NewGuid().ToString("n");

        using var response = await slack.PostEventAsync(SlackPayloads.UrlVerification(challenge));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(challenge, (string?)body["challenge"]);
    }

    [Fact]
    public async Task App_mention_is_answered_once_in_its_thread_with_feedback_buttons_and_recorded()
    {
        var channel = SlackPayloads.NewChannel();
        var ts = SlackPayloads.NewTs();
        var mention = SlackPayloads.AppMention(channel, ts, "<@UBOT> how long is the internship?");

        using var response = await slack.PostEventAsync(mention);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await slack.Slack.WaitForPostMessagesInAsync(channel));
        Assert.Equal("Bearer " + FakeSlack.BotToken, post.Header("Authorization"));
        Assert.StartsWith("application/json", post.Header("Content-Type"));
        var body = SlackServerFixture.BodyOf(post);
        Assert.Equal(ts, (string?)body["thread_ts"]);
        Assert.Equal(TestKnowledge.DurationAnswer, (string?)body["text"]);
        var blocks = body["blocks"]!.AsArray();
        Assert.Equal(TestKnowledge.DurationAnswer, (string?)blocks[0]!["text"]!["text"]);
        Assert.Contains(blocks, b => ((string?)b!["elements"]?[0]?["text"])?.Contains(TestKnowledge.DurationPassageText) == true);

        // The mention of the bot is not part of the question, and the row is complete once delivered.
        var stored = Assert.Single(await slack.SettledMessagesInAsync(channel));
        Assert.Equal(("slack", "how long is the internship?", "Answered", "delivered"),
            (stored.Channel, stored.Question, stored.ReplyKind, stored.DeliveryStatus));
        Assert.Equal((string?)mention["event_id"], stored.ExternalId);

        var buttons = blocks.Last()!["elements"]!.AsArray();
        Assert.Equal(["feedback_up", "feedback_down"], buttons.Select(b => (string?)b!["action_id"]));
        Assert.All(buttons, b => Assert.Equal(stored.Id.ToString(), (string?)b!["value"]));
    }

    [Fact]
    public async Task Mention_inside_a_thread_is_answered_in_that_thread()
    {
        var channel = SlackPayloads.NewChannel();
        var parent = SlackPayloads.NewTs();
        var mention = SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion);
        mention["event"]!["thread_ts"] = parent;

        using var response = await slack.PostEventAsync(mention);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = SlackServerFixture.BodyOf(Assert.Single(await slack.Slack.WaitForPostMessagesInAsync(channel)));
        Assert.Equal(parent, (string?)body["thread_ts"]);
    }

    [Fact]
    public async Task Direct_message_is_answered_in_the_dm()
    {
        var dm = SlackPayloads.NewChannel("D");
        var ts = SlackPayloads.NewTs();

        using var response = await slack.PostEventAsync(SlackPayloads.DirectMessage(dm, ts, "Where is the office?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = SlackServerFixture.BodyOf(Assert.Single(await slack.Slack.WaitForPostMessagesInAsync(dm)));
        Assert.Equal(ts, (string?)body["thread_ts"]);
        Assert.Contains("Lisbon office", (string?)body["text"]);
        Assert.Equal("Answered", Assert.Single(await slack.SettledMessagesInAsync(dm)).ReplyKind);
    }

    [Theory]
    [InlineData("bot_id")]
    [InlineData("own_user")]
    [InlineData("subtype")]
    public async Task Bot_messages_are_neither_answered_nor_recorded(string kind)
    {
        var dm = SlackPayloads.NewChannel("D");
        var message = SlackPayloads.DirectMessage(dm, SlackPayloads.NewTs(), TestKnowledge.DurationQuestion,
            user: kind == "own_user" ? FakeSlack.BotUserId : SlackPayloads.UserId);
        var ev = message["event"]!.AsObject();
        if (kind == "bot_id") ev["bot_id"] = FakeSlack.BotId;
        if (kind == "subtype") ev["subtype"] = "bot_message";

        using var response = await slack.PostEventAsync(message);
        await slack.DrainRepliesAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(slack.Slack.PostMessagesIn(dm));
        Assert.Empty(await slack.Server.Database.MessagesInConversationAsync("slack", dm));
    }

    [Fact]
    public async Task Event_delivered_four_times_with_retries_is_answered_and_recorded_once()
    {
        var channel = SlackPayloads.NewChannel();
        var json = SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion).ToJsonString();
        Dictionary<string, string> Retry(int n) => new() { ["X-Slack-Retry-Num"] = n.ToString(), ["X-Slack-Retry-Reason"] = "http_timeout" };

        var statuses = new List<HttpStatusCode>();
        using (var first = await slack.PostEventAsync(json)) statuses.Add(first.StatusCode);
        // Slack's timeout retry can arrive while the first attempt is still in flight: two at once.
        var concurrent = await Task.WhenAll(slack.PostEventAsync(json, Retry(1)), slack.PostEventAsync(json, Retry(2)));
        statuses.AddRange(concurrent.Select(r => r.StatusCode));
        foreach (var r in concurrent) r.Dispose();
        using (var last = await slack.PostEventAsync(json, Retry(3))) statuses.Add(last.StatusCode);
        await slack.DrainRepliesAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(slack.Slack.PostMessagesIn(channel));
        var stored = Assert.Single(await slack.SettledMessagesInAsync(channel));
        Assert.Equal("delivered", stored.DeliveryStatus);
    }
}
