using System.Net;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Slack;

/// <summary>What happens when Slack's Web API pushes back: rate limits are waited out, refusals are recorded.</summary>
[Collection(SlackServerCollection.Name)]
public sealed class SlackDeliveryTests(SlackOnePostingFixture slack)
{
    [Fact]
    public async Task Rate_limited_reply_is_sent_again_after_retry_after()
    {
        var channel = SlackPayloads.NewChannel(FakeSlack.RateLimitedPrefix);

        using var response = await slack.PostEventAsync(SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posts = await slack.Slack.WaitForPostMessagesInAsync(channel, count: 2);
        Assert.Equal(2, posts.Count);
        // Retry-After: 1 was honoured (a lower bound only; how much later is the scheduler's business).
        Assert.True(posts[1].ReceivedAt - posts[0].ReceivedAt >= TimeSpan.FromMilliseconds(900),
            $"retried after {(posts[1].ReceivedAt - posts[0].ReceivedAt).TotalMilliseconds} ms");
        Assert.Equal(posts[0].BodyText, posts[1].BodyText);
        Assert.Equal(TestKnowledge.DurationAnswer, (string?)SlackServerFixture.BodyOf(posts[1])["text"]);
        var stored = Assert.Single(await slack.SettledMessagesInAsync(channel));
        Assert.Equal(("delivered", null), (stored.DeliveryStatus, stored.DeliveryError));
    }

    [Fact]
    public async Task Reply_refused_with_channel_not_found_is_recorded_as_failed_after_one_attempt()
    {
        var channel = SlackPayloads.NewChannel(FakeSlack.MissingPrefix);

        using var response = await slack.PostEventAsync(SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion));
        await slack.DrainRepliesAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(slack.Slack.PostMessagesIn(channel));
        var stored = Assert.Single(await slack.SettledMessagesInAsync(channel));
        Assert.Equal(("Answered", "failed"), (stored.ReplyKind, stored.DeliveryStatus));
        Assert.Contains("channel_not_found", stored.DeliveryError);
    }
}
