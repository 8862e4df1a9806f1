using System.Text.Json.Nodes;
using Botshop.Testing;
using Microsoft.AspNetCore.Http;

namespace Botshop.Server.Tests.Slack;

/// <summary>
/// Slack's Web API and response_urls on loopback. It answers as Slack does and refuses what Slack would refuse
/// (wrong token, a body that is not JSON with a channel), so a malformed call fails the test's delivery, not just an
/// assertion. Per-channel behaviour is chosen by the test through the channel id's prefix, so tests sharing one
/// fake never see each other's scripted failures.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-fake-slack-token";
    public const string BotUserId = "UBOT";
    public const string BotId = "B1";
    public const string TeamId = "T1";

    /// <summary>Channels whose first chat.postMessage is answered 429 with Retry-After: 1.</summary>
    public const string RateLimitedPrefix = "CBUSY";

    /// <summary>Channels that do not exist: chat.postMessage always answers ok:false channel_not_found.</summary>
    public const string MissingPrefix = "CGONE";

    public const string PostMessagePath = "/api/chat.postMessage";
    public const string AuthTestPath = "/api/auth.test";
    private const string ResponsePathPrefix = "/respond/";

    private readonly LoopbackServer _server;

    private FakeSlack(LoopbackServer server) => _server = server;

    public static async Task<FakeSlack> StartAsync()
    {
        FakeSlack? fake = null;
        var server = await LoopbackServer.StartAsync((request, ctx) => fake!.AnswerAsync(request, ctx));
        fake = new FakeSlack(server);
        return fake;
    }

    /// <summary>What the server is configured with as Slack:ApiBaseUrl.</summary>
    public string ApiBaseUrl => new Uri(_server.BaseUri, "api").ToString();

    /// <summary>A fresh response_url on this fake, as Slack gives each command and button press.</summary>
    public string NewResponseUrl() => new Uri(_server.BaseUri, ResponsePathPrefix.TrimStart('/') + Guid.NewGuid().ToString("n")).ToString();

    public IReadOnlyCollection<RecordedRequest> Requests => _server.Requests;

    public IReadOnlyList<RecordedRequest> PostMessagesIn(string channel) =>
        _server.Requests.Where(r => r.Path == PostMessagePath && ChannelOf(r) == channel).OrderBy(r => r.ReceivedAt).ToList();

    public IReadOnlyList<RecordedRequest> PostsTo(string responseUrl) =>
        _server.Requests.Where(r => r.Path == new Uri(responseUrl).AbsolutePath).OrderBy(r => r.ReceivedAt).ToList();

    /// <summary>Waits until the fake holds at least <paramref name="count"/> chat.postMessage calls in the channel.</summary>
    public Task<IReadOnlyList<RecordedRequest>> WaitForPostMessagesInAsync(string channel, int count = 1) =>
        WaitForAsync(() => PostMessagesIn(channel), count);

    public Task<IReadOnlyList<RecordedRequest>> WaitForPostsToAsync(string responseUrl, int count = 1) =>
        WaitForAsync(() => PostsTo(responseUrl), count);

    private async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<IReadOnlyList<RecordedRequest>> select, int count)
    {
        while (true)
        {
            // Count first: a request arriving after the count makes the wait below return at once.
            var seen = _server.Requests.Count;
            if (select() is { } found && found.Count >= count) return found;
            await _server.WaitForRequestsAsync(seen + 1);
        }
    }

    private static string? ChannelOf(RecordedRequest request)
    {
        try { return (string?)JsonNode.Parse(request.BodyText)?["channel"]; }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private async Task AnswerAsync(RecordedRequest request, HttpContext ctx)
    {
        if (request.Method != "POST")
        {
            ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        if (request.Path.StartsWith(ResponsePathPrefix, StringComparison.Ordinal))
        {
            // Slack's hooks answer a plain "ok"; a body that is not a message is refused as Slack does.
            var ok = IsJson(request) && HasMessage(request);
            ctx.Response.StatusCode = ok ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            await ctx.Response.WriteAsync(ok ? "ok" : "invalid_payload");
            return;
        }
        if (request.Header("Authorization") != "Bearer " + BotToken)
        {
            await WriteJsonAsync(ctx, """{"ok":false,"error":"not_authed"}""");
            return;
        }
        switch (request.Path)
        {
            case AuthTestPath:
                await WriteJsonAsync(ctx, $$"""{"ok":true,"url":"https://fake.slack.com/","team":"Fake","user":"jobbot","team_id":"{{TeamId}}","user_id":"{{BotUserId}}","bot_id":"{{BotId}}"}""");
                break;
            case PostMessagePath:
                await PostMessageAsync(request, ctx);
                break;
            default:
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                await WriteJsonAsync(ctx, """{"ok":false,"error":"unknown_method"}""");
                break;
        }
    }

    private async Task PostMessageAsync(RecordedRequest request, HttpContext ctx)
    {
        var channel = IsJson(request) ? ChannelOf(request) : null;
        if (channel is null || !HasMessage(request))
        {
            await WriteJsonAsync(ctx, """{"ok":false,"error":"invalid_arguments"}""");
            return;
        }
        if (channel.StartsWith(MissingPrefix, StringComparison.Ordinal))
        {
            await WriteJsonAsync(ctx, """{"ok":false,"error":"channel_not_found"}""");
            return;
        }
        if (channel.StartsWith(RateLimitedPrefix, StringComparison.Ordinal) && PostMessagesIn(channel).Count == 1)
        {
            ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ctx.Response.Headers.RetryAfter = "1";
            await WriteJsonAsync(ctx, """{"ok":false,"error":"ratelimited"}""");
            return;
        }
        var ts = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Random.Shared.Next(0, 999_999):D6}";
        await WriteJsonAsync(ctx, $$"""{"ok":true,"channel":"{{channel}}","ts":"{{ts}}"}""");
    }

    private static bool IsJson(RecordedRequest request) =>
        request.Header("Content-Type")?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

    // Slack needs text or blocks; we always send both.
    private static bool HasMessage(RecordedRequest request)
    {
        try
        {
            var body = JsonNode.Parse(request.BodyText);
            return body?["text"] is JsonValue text && ((string?)text)?.Length > 0 && body["blocks"] is JsonArray;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static async Task WriteJsonAsync(HttpContext ctx, string json)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync(json);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
