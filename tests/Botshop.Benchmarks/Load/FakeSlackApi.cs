using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Web;
using Botshop.Testing;
using Microsoft.AspNetCore.Http;

namespace Botshop.Benchmarks.Load;

/// <summary>
/// Slack's Web API on loopback: auth.test names the bot, chat.postMessage answers ok and is counted per reply target
/// (channel, thread_ts), so the run can tell answered-once from answered-twice from never answered.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string BotUserId = "UBOT";

    private readonly ConcurrentDictionary<(string Channel, string ThreadTs), Delivery> _deliveries = new();
    private LoopbackServer _server = null!;
    private long _posts;
    private long _unexpected;

    /// <summary>How often one reply target was posted to and when (Stopwatch ticks) the first post arrived.</summary>
    public sealed class Delivery(long firstTicks)
    {
        public long FirstTicks { get; } = firstTicks;
        public int Count;
    }

    public Uri ApiBase => new(_server.BaseUri, "api");
    public long Posts => Interlocked.Read(ref _posts);
    public long Unexpected => Interlocked.Read(ref _unexpected);
    public int DistinctTargets => _deliveries.Count;
    public IReadOnlyDictionary<(string Channel, string ThreadTs), Delivery> Deliveries => _deliveries;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var fake = new FakeSlackApi();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    private Task HandleAsync(RecordedRequest request, HttpContext http)
    {
        switch (request.Path)
        {
            case "/api/auth.test":
                return http.Response.WriteAsJsonAsync(new { ok = true, user_id = BotUserId, bot_id = "B1", team_id = "T1", user = "botshop" });
            case "/api/chat.postMessage":
                var (channel, threadTs) = Target(request);
                if (channel is null)
                {
                    Interlocked.Increment(ref _unexpected);
                    return http.Response.WriteAsJsonAsync(new { ok = false, error = "channel_not_found" });
                }
                var ts = Interlocked.Increment(ref _posts);
                var now = Stopwatch.GetTimestamp();
                var delivery = _deliveries.GetOrAdd((channel, threadTs ?? ""), _ => new Delivery(now));
                Interlocked.Increment(ref delivery.Count);
                return http.Response.WriteAsJsonAsync(new { ok = true, channel, ts = $"1800000000.{ts:D6}" });
            default:
                Interlocked.Increment(ref _unexpected);
                return http.Response.WriteAsJsonAsync(new { ok = false, error = "unknown_method" });
        }
    }

    /// <summary>The bot may send JSON (header token) or a form body, as @slack/web-api does (channels.md §1.7).</summary>
    private static (string? Channel, string? ThreadTs) Target(RecordedRequest request)
    {
        var contentType = request.Header("content-type") ?? "";
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = HttpUtility.ParseQueryString(request.BodyText);
            return (form["channel"], form["thread_ts"]);
        }
        try
        {
            using var doc = JsonDocument.Parse(request.Body);
            var root = doc.RootElement;
            return (Text(root, "channel"), Text(root, "thread_ts"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
