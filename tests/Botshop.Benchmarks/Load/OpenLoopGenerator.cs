using System.Diagnostics;

namespace Botshop.Benchmarks.Load;

/// <summary>One request as the generator saw it: when it was due, when its response was complete, how it ended.</summary>
public readonly record struct RequestSample(long ScheduledTicks, long EndTicks, int Status, string? Error)
{
    public double LatencyMs => (EndTicks - ScheduledTicks) * 1000.0 / Stopwatch.Frequency;
    public bool Ok => Error is null && Status is >= 200 and < 300;
}

/// <summary>
/// Open-loop load: request i is due at start + i/rate, whether or not earlier ones have answered, and its latency
/// counts from that due time. A slow server therefore shows up as latency instead of a quietly lower rate (no
/// coordinated omission). If the generator itself falls behind, the late sends are charged to latency too.
/// </summary>
public sealed class OpenLoopGenerator(HttpClient client, TimeSpan requestTimeout)
{
    public async Task<RequestSample[]> RunAsync(Func<int, HttpRequestMessage> build, int rate, TimeSpan duration)
    {
        var total = (int)Math.Round(rate * duration.TotalSeconds);
        var samples = new RequestSample[total];
        var sends = new Task[total];
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100;
        var next = 0;
        while (next < total)
        {
            var now = Stopwatch.GetTimestamp();
            for (; next < total && Due(next) <= now; next++)
                sends[next] = SendAsync(build, next, Due(next), samples);
            if (next == total) break;
            var waitMs = (Due(next) - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
            // Sleep, never spin: on 2 shared cores a spinning generator would steal the server's CPU. Timers are
            // ~1 ms coarse, so a send may go up to ~1 ms late; that delay is charged to its latency.
            if (waitMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, waitMs)));
        }
        await Task.WhenAll(sends);
        return samples;

        long Due(int i) => start + (long)(i * ticksPerRequest);
    }

    private async Task SendAsync(Func<int, HttpRequestMessage> build, int index, long due, RequestSample[] samples)
    {
        using var timeout = new CancellationTokenSource(requestTimeout);
        try
        {
            using var request = build(index);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            samples[index] = new RequestSample(due, Stopwatch.GetTimestamp(), (int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            samples[index] = new RequestSample(due, Stopwatch.GetTimestamp(), 0, "timeout");
        }
        catch (OperationCanceledException e) when (e.InnerException is TimeoutException)
        {
            // SocketsHttpHandler's ConnectTimeout: the server's accept backlog is full. An error, not a crash.
            samples[index] = new RequestSample(due, Stopwatch.GetTimestamp(), 0, "connect timeout");
        }
        catch (HttpRequestException e)
        {
            samples[index] = new RequestSample(due, Stopwatch.GetTimestamp(), 0, e.HttpRequestError.ToString());
        }
    }

    /// <summary>A client that never limits connections, so in-flight requests are never queued on our side.</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        UseProxy = false,
        AllowAutoRedirect = false,
    })
    { Timeout = Timeout.InfiniteTimeSpan };
}
