using System.Text.Json;
using System.Text.Json.Nodes;
using Botshop.Channels.Slack;
using Botshop.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Channels.Tests.Slack;

/// <summary>The real client, built by AddSlackChannel with its retry pipeline, against a loopback fake Slack.</summary>
public sealed class SlackWebApiClientTests : IAsyncDisposable
{
    private static readonly SlackMessage Message = new("Yes, it is hybrid.",
        new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "Yes, it is hybrid." } }));

    private readonly Queue<(int Status, string Body, string? RetryAfter)> _answers = new();
    private readonly LoopbackServer _slack;
    private readonly ServiceProvider _services;

    public SlackWebApiClientTests()
    {
        _slack = LoopbackServer.StartAsync(Answer).GetAwaiter().GetResult();
        _services = new ServiceCollection()
            .AddSlackChannel(o =>
            {
                o.SigningSecret = "secret";
                o.BotToken = "xoxb-test-token";
                o.ApiBaseUrl = new Uri(_slack.BaseUri, "api").ToString();
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            })
            .BuildServiceProvider(validateScopes: true);
    }

    private SlackWebApiClient Client => _services.GetRequiredService<SlackWebApiClient>();

    private async Task Answer(RecordedRequest request, HttpContext context)
    {
        var (status, body, retryAfter) = _answers.Count > 0 ? _answers.Dequeue() : (200, """{"ok":true,"ts":"1700000300.000400"}""", null);
        context.Response.StatusCode = status;
        if (retryAfter is not null)
            context.Response.Headers.RetryAfter = retryAfter;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    [Fact]
    public async Task Post_message_sends_bearer_json_to_the_exact_url()
    {
        var ts = await Client.PostMessageAsync("C123", Message, threadTs: "1700000000.000100");

        Assert.Equal("1700000300.000400", ts);
        var request = Assert.Single(_slack.Requests);
        Assert.Equal(("POST", "/api/chat.postMessage"), (request.Method, request.Path));
        Assert.Equal("Bearer xoxb-test-token", request.Header("Authorization"));
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        var body = JsonNode.Parse(request.BodyText)!.AsObject();
        Assert.Equal("C123", (string)body["channel"]!);
        Assert.Equal("Yes, it is hybrid.", (string)body["text"]!);
        Assert.Equal("1700000000.000100", (string)body["thread_ts"]!);
        Assert.Equal(Message.Blocks.ToJsonString(), body["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task Top_level_message_has_no_thread_ts()
    {
        await Client.SendAsync(new SlackReplyAddress("D042", null), Message);
        var body = JsonNode.Parse(Assert.Single(_slack.Requests).BodyText)!.AsObject();
        Assert.False(body.ContainsKey("thread_ts"));
    }

    [Theory]
    [InlineData("channel_not_found", false)]
    [InlineData("invalid_auth", false)]
    [InlineData("missing_scope", false)]
    [InlineData("msg_too_long", false)]
    [InlineData("internal_error", true)]
    public async Task Ok_false_is_surfaced_with_its_error(string error, bool retryable)
    {
        _answers.Enqueue((200, $$"""{"ok":false,"error":"{{error}}"}""", null));
        var exception = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync("C123", Message, null));
        Assert.Equal((error, retryable), (exception.Error, exception.IsRetryable));
        Assert.Single(_slack.Requests); // ok:false comes with HTTP 200: never retried here
    }

    [Fact]
    public async Task Rate_limited_call_waits_for_retry_after_then_succeeds()
    {
        _answers.Enqueue((429, """{"ok":false,"error":"ratelimited"}""", "1"));
        var ts = await Client.PostMessageAsync("C123", Message, null);

        Assert.Equal("1700000300.000400", ts);
        var requests = _slack.Requests.ToList();
        Assert.Equal(2, requests.Count);
        // The backoff alone would be about 20 ms; a gap near a second can only come from Retry-After. The bound sits
        // below 1 s because .NET timers and the wall clock both tick coarsely: CI once saw 999.934 ms.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900),
            $"retried after {(requests[1].ReceivedAt - requests[0].ReceivedAt).TotalMilliseconds} ms");
        Assert.Equal(requests[0].BodyText, requests[1].BodyText);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        _answers.Enqueue((503, "", null));
        _answers.Enqueue((500, "", null));
        Assert.Equal("1700000300.000400", await Client.PostMessageAsync("C123", Message, null));
        Assert.Equal(3, _slack.Requests.Count);
    }

    [Fact]
    public async Task Persistent_server_error_gives_up_after_the_configured_retries()
    {
        for (var i = 0; i < 10; i++)
            _answers.Enqueue((502, "", null));
        var exception = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync("C123", Message, null));
        Assert.Equal(("http_502", true), (exception.Error, exception.IsRetryable));
        Assert.Equal(1 + new SlackOptions().MaxRetries, _slack.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(408)]
    public async Task Other_client_errors_are_not_retried(int status)
    {
        _answers.Enqueue((status, "", null));
        var exception = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync("C123", Message, null));
        Assert.Equal(($"http_{status}", false), (exception.Error, exception.IsRetryable));
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task Auth_test_learns_the_bot_identity()
    {
        _answers.Enqueue((200, """{"ok":true,"url":"https://x.slack.com/","team":"X","user":"botshop","team_id":"T1","user_id":"UBOT9","bot_id":"B9"}""", null));
        var identity = await Client.AuthTestAsync();
        Assert.Equal(new SlackAuthIdentity("UBOT9", "B9", "T1"), identity);
        var request = Assert.Single(_slack.Requests);
        Assert.Equal("/api/auth.test", request.Path);
        Assert.Equal("Bearer xoxb-test-token", request.Header("Authorization"));

        var bot = _services.GetRequiredService<SlackBotIdentity>();
        bot.Learn(identity);
        Assert.Equal("UBOT9", bot.UserId);
    }

    [Fact]
    public async Task Response_url_gets_an_ephemeral_reply_without_the_token()
    {
        _answers.Enqueue((200, "ok", null));
        var responseUrl = new Uri(_slack.BaseUri, "commands/T1/397700885554/96rGlf").ToString();
        await Client.SendAsync(new SlackReplyAddress("C123", null, responseUrl), Message);

        var request = Assert.Single(_slack.Requests);
        Assert.Equal("/commands/T1/397700885554/96rGlf", request.Path);
        Assert.Null(request.Header("Authorization"));
        var body = JsonNode.Parse(request.BodyText)!.AsObject();
        Assert.Equal(("ephemeral", false), ((string)body["response_type"]!, (bool)body["replace_original"]!));
        Assert.Equal("Yes, it is hybrid.", (string)body["text"]!);
    }

    [Fact]
    public async Task Button_ack_replaces_the_original_and_refusals_surface()
    {
        _answers.Enqueue((200, """{"ok":true}""", null));
        _answers.Enqueue((404, "expired_url", null));
        var url = new Uri(_slack.BaseUri, "actions/T1/1/abc").ToString();
        var thanks = new SlackMessage("Thanks for the feedback!", []);

        await Client.PostToResponseUrlAsync(url, thanks, replaceOriginal: true);
        Assert.True((bool)JsonNode.Parse(_slack.Requests.Single().BodyText)!["replace_original"]!);

        var exception = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostToResponseUrlAsync(url, thanks, replaceOriginal: true));
        Assert.Equal(("http_404", false), (exception.Error, exception.IsRetryable));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }
}
