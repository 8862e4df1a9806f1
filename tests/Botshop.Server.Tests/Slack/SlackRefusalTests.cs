using System.Net;
using System.Text;
using Botshop.Channels.Slack;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Slack;

/// <summary>
/// Requests Slack did not send, or sent broken, are refused before anything is recorded. Each would otherwise be a
/// valid question in a channel of its own, so a missing check shows up as a stored row or a reply.
/// </summary>
[Collection(SlackServerCollection.Name)]
public sealed class SlackRefusalTests(SlackOnePostingFixture slack)
{
    private static (string Channel, byte[] Body) Question()
    {
        var channel = SlackPayloads.NewChannel();
        var json = SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion).ToJsonString();
        return (channel, Encoding.UTF8.GetBytes(json));
    }

    [Fact]
    public async Task Forged_signature_is_refused_with_401()
    {
        var (channel, body) = Question();
        var forged = SlackSignature.Compute("not-the-signing-secret", Now(), body);

        await AssertRefusedAsync(() => slack.PostSignedAsync(SlackRoutes.Events, body, "application/json", signature: forged), HttpStatusCode.Unauthorized, channel);
    }

    [Fact]
    public async Task Stale_timestamp_is_refused_with_401_even_when_correctly_signed()
    {
        var (channel, body) = Question();
        var sixMinutesAgo = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds();

        await AssertRefusedAsync(() => slack.PostSignedAsync(SlackRoutes.Events, body, "application/json", timestamp: sixMinutesAgo), HttpStatusCode.Unauthorized, channel);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Missing_signature_headers_are_refused_with_401(bool withTimestamp, bool withSignature)
    {
        var (channel, body) = Question();
        var ts = Now();
        var headers = new Dictionary<string, string>();
        if (withTimestamp) headers[SlackSignature.TimestampHeader] = ts;
        if (withSignature) headers[SlackSignature.SignatureHeader] = SlackSignature.Compute(SlackServerFixture.SigningSecret, ts, body);

        await AssertRefusedAsync(() => slack.PostAsync(SlackRoutes.Events, body, "application/json", headers), HttpStatusCode.Unauthorized, channel);
    }

    [Fact]
    public async Task Signed_malformed_json_is_refused_with_400()
    {
        var (channel, body) = Question();
        var truncated = body[..(body.Length / 2)];

        await AssertRefusedAsync(() => slack.PostSignedAsync(SlackRoutes.Events, truncated, "application/json"), HttpStatusCode.BadRequest, channel);
    }

    [Fact]
    public async Task Signed_body_over_64_KiB_is_refused_with_413()
    {
        var channel = SlackPayloads.NewChannel();
        var padded = SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion + new string(' ', 64 * 1024));
        var body = Encoding.UTF8.GetBytes(padded.ToJsonString());

        await AssertRefusedAsync(() => slack.PostSignedAsync(SlackRoutes.Events, body, "application/json"), HttpStatusCode.RequestEntityTooLarge, channel);
    }

    private async Task AssertRefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, string channel)
    {
        var before = (await slack.Server.Database.AllMessagesAsync()).Count;
        using (var response = await send())
            await Problem.ReadAsync(response, expected);
        await slack.DrainRepliesAsync();

        Assert.Empty(slack.Slack.PostMessagesIn(channel));
        Assert.Empty(await slack.Server.Database.MessagesInConversationAsync("slack", channel));
        // Only the drain's own question was added: the refused request left nothing behind.
        Assert.Equal(before + 1, (await slack.Server.Database.AllMessagesAsync()).Count);
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
