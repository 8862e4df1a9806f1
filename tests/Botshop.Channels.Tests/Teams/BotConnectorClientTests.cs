using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Botshop.Channels.Teams;
using Botshop.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Channels.Tests.Teams;

/// <summary>The connector client against a loopback fake Bot Connector and a fake token endpoint.</summary>
public sealed class BotConnectorClientTests : IAsyncLifetime
{
    private const string ConversationId = "a:1Xy;messageid=17";
    private LoopbackServer _tokens = null!;
    private LoopbackServer _connector = null!;
    private int _tokenCount;
    private readonly ConcurrentQueue<string> _rawTargets = new();
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _connectorScript = new();

    private string ServiceUrl => new Uri(_connector.BaseUri, "amer/").ToString();

    public async Task InitializeAsync()
    {
        _tokens = await LoopbackServer.StartAsync(async (_, ctx) =>
        {
            var n = Interlocked.Increment(ref _tokenCount);
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync($$"""{"token_type":"Bearer","expires_in":3600,"access_token":"tok-{{n}}"}""");
        });
        _connector = await LoopbackServer.StartAsync(async (_, ctx) =>
        {
            _rawTargets.Enqueue(ctx.Features.Get<IHttpRequestFeature>()!.RawTarget);
            if (_connectorScript.TryDequeue(out var scripted)) { await scripted(ctx); return; }
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("""{"id":"1:reply"}""");
        });
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _tokens.DisposeAsync();
    }

    private ServiceProvider Services(Action<TeamsOptions>? more = null) => TeamsServices.Build(o =>
    {
        o.AppId = "app-id";
        o.AppPassword = "app-secret";
        o.TokenEndpoint = new Uri(_tokens.BaseUri, "tenant/oauth2/v2.0/token").ToString();
        o.AllowedServiceUrls = [ServiceUrl];
        o.ConnectorRetryBaseDelay = TimeSpan.FromMilliseconds(1);
        more?.Invoke(o);
    });

    private TeamsOutgoingActivity Reply(string? serviceUrl = null) => new(serviceUrl ?? ServiceUrl, ConversationId, "1700000000000",
        new JsonObject { ["type"] = "message", ["text"] = "Bands are on each posting." });

    [Fact]
    public async Task Reply_goes_to_the_escaped_conversation_under_the_serviceUrl_prefix_with_a_bearer_token()
    {
        await using var services = Services();
        var result = await services.GetRequiredService<BotConnectorClient>().SendAsync(Reply(), CancellationToken.None);

        Assert.Equal(new ConnectorSendResult(true, "1:reply", null), result);
        var sent = Assert.Single(_connector.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/amer/v3/conversations/a%3A1Xy%3Bmessageid%3D17/activities/1700000000000", Assert.Single(_rawTargets));
        Assert.Equal("Bearer tok-1", sent.Header("Authorization"));
        Assert.Equal("application/json; charset=utf-8", sent.Header("Content-Type"));
        Assert.Equal(ConversationId, sent.Header("x-ms-conversation-id"));
        Assert.Equal("Bands are on each posting.", JsonDocument.Parse(sent.Body).RootElement.GetProperty("text").GetString());

        var tokenRequest = Assert.Single(_tokens.Requests);
        Assert.Equal("/tenant/oauth2/v2.0/token", tokenRequest.Path);
        var form = System.Web.HttpUtility.ParseQueryString(tokenRequest.BodyText);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("app-id", form["client_id"]);
        Assert.Equal("app-secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task ServiceUrl_without_trailing_slash_keeps_its_path_and_new_messages_have_no_reply_segment()
    {
        await using var services = Services();
        var welcome = Reply(ServiceUrl.TrimEnd('/')) with { ReplyToId = null };
        var result = await services.GetRequiredService<BotConnectorClient>().SendAsync(welcome, CancellationToken.None);

        Assert.True(result.Sent, result.Error);
        Assert.Equal("/amer/v3/conversations/a%3A1Xy%3Bmessageid%3D17/activities", Assert.Single(_rawTargets));
    }

    [Fact]
    public async Task Token_is_cached_across_sends()
    {
        await using var services = Services();
        var client = services.GetRequiredService<BotConnectorClient>();
        await client.SendAsync(Reply(), CancellationToken.None);
        await client.SendAsync(Reply(), CancellationToken.None);

        Assert.Equal(2, _connector.Requests.Count);
        Assert.All(_connector.Requests, r => Assert.Equal("Bearer tok-1", r.Header("Authorization")));
        Assert.Single(_tokens.Requests);
    }

    [Fact]
    public async Task Concurrent_first_sends_share_one_token_request()
    {
        await using var services = Services();
        var client = services.GetRequiredService<BotConnectorClient>();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(Reply(), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Sent, r.Error));
        Assert.Single(_tokens.Requests);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_Retry_After_delay()
    {
        _connectorScript.Enqueue(ctx => { ctx.Response.StatusCode = 429; ctx.Response.Headers.RetryAfter = "1"; return Task.CompletedTask; });
        await using var services = Services();
        var result = await services.GetRequiredService<BotConnectorClient>().SendAsync(Reply(), CancellationToken.None);

        Assert.True(result.Sent, result.Error);
        var requests = _connector.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        // The backoff alone would be about 1 ms: a gap of a second can only come from Retry-After.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_failures_are_retried(int status)
    {
        _connectorScript.Enqueue(ctx => { ctx.Response.StatusCode = status; return Task.CompletedTask; });
        _connectorScript.Enqueue(ctx => { ctx.Response.StatusCode = status; return Task.CompletedTask; });
        await using var services = Services();
        var result = await services.GetRequiredService<BotConnectorClient>().SendAsync(Reply(), CancellationToken.None);

        Assert.True(result.Sent, result.Error);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task Persistent_failure_gives_up_after_the_configured_retries()
    {
        for (var i = 0; i < 5; i++) _connectorScript.Enqueue(ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; });
        await using var services = Services(o => o.ConnectorMaxRetries = 2);
        var result = await services.GetRequiredService<BotConnectorClient>().SendAsync(Reply(), CancellationToken.None);

        Assert.Equal(ConnectorSendResult.Failed("HTTP 500"), result);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task Other_client_errors_are_not_retried()
    {
        _connectorScript.Enqueue(ctx => { ctx.Response.StatusCode = 403; return Task.CompletedTask; });
        await using var services = Services();
        var result = await services.GetRequiredService<BotConnectorClient>().SendAsync(Reply(), CancellationToken.None);

        Assert.Equal(ConnectorSendResult.Failed("HTTP 403"), result);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Unauthorized_refreshes_the_token_and_retries_once()
    {
        _connectorScript.Enqueue(ctx => { ctx.Response.StatusCode = 401; return Task.CompletedTask; });
        await using var services = Services();
        var result = await services.GetRequiredService<BotConnectorClient>().SendAsync(Reply(), CancellationToken.None);

        Assert.True(result.Sent, result.Error);
        Assert.Equal(["Bearer tok-1", "Bearer tok-2"], _connector.Requests.Select(r => r.Header("Authorization")));
        Assert.Equal(2, _tokens.Requests.Count);
    }

    [Fact]
    public async Task Unauthorized_twice_is_a_failure_without_a_third_attempt()
    {
        _connectorScript.Enqueue(ctx => { ctx.Response.StatusCode = 401; return Task.CompletedTask; });
        _connectorScript.Enqueue(ctx => { ctx.Response.StatusCode = 401; return Task.CompletedTask; });
        await using var services = Services();
        var result = await services.GetRequiredService<BotConnectorClient>().SendAsync(Reply(), CancellationToken.None);

        Assert.Equal(ConnectorSendResult.Failed("HTTP 401"), result);
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Theory]
    [InlineData("https://evil.example/amer/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    public async Task ServiceUrl_outside_the_allowlist_is_refused_before_any_request(string serviceUrl)
    {
        await using var services = Services();
        var result = await services.GetRequiredService<BotConnectorClient>().SendAsync(Reply(serviceUrl), CancellationToken.None);

        Assert.Equal(ConnectorSendResult.Failed("serviceUrl not allowed"), result);
        Assert.Empty(_connector.Requests);
        Assert.Empty(_tokens.Requests);
    }

    [Fact]
    public async Task Without_app_id_no_token_is_fetched_or_sent()
    {
        await using var services = Services(o => { o.AppId = null; o.AppPassword = null; });
        var result = await services.GetRequiredService<BotConnectorClient>().SendAsync(Reply(), CancellationToken.None);

        Assert.True(result.Sent, result.Error);
        Assert.Null(Assert.Single(_connector.Requests).Header("Authorization"));
        Assert.Empty(_tokens.Requests);
    }
}
