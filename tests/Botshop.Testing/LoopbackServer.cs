using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Botshop.Testing;

/// <summary>A request as a loopback fake received it: enough for a test to assert on everything we sent.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    DateTimeOffset ReceivedAt)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 with an ephemeral port, playing a third-party service (Slack's Web API,
/// the Bot Connector, a token endpoint). It records every request and answers with the test's handler.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;
    public IReadOnlyCollection<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server whose handler decides each response; the request is recorded before the handler runs.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<RecordedRequest, HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async ctx =>
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer);
            var headers = ctx.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            var recorded = new RecordedRequest(ctx.Request.Method, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value ?? "",
                headers, buffer.ToArray(), DateTimeOffset.UtcNow);
            server._requests.Enqueue(recorded);
            await handler(recorded, ctx);
            server._arrived.Release();
        });
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have been answered, or fails after the timeout.</summary>
    public async Task<IReadOnlyCollection<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (_requests.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                throw new TimeoutException($"Expected {count} requests, got {_requests.Count}.");
        }
        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
