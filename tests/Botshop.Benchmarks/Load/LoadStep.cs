using System.Diagnostics;
using System.Net;

namespace Botshop.Benchmarks.Load;

/// <summary>One server's worth of measurements at one rate.</summary>
internal sealed class LoadStep(HttpClient client, ServerProcess server, Stores.RunStore store, FakeSlackApi fake, SignedSlackEvents events,
    int rate, int run, int seconds)
{
    private readonly OpenLoopGenerator _generator = new(client, TimeSpan.FromSeconds(10));
    private readonly Uri _events = new(server.BaseUri, "slack/events");
    private readonly Uri _health = new(server.BaseUri, "healthz");
    private long _nextEvent;

    /// <summary>A signed url_verification: 200 with the challenge proves the route and our signing; 404 means no route yet.</summary>
    public async Task<bool> ProbeSlackAsync()
    {
        using var request = events.UrlVerification(_events, "load-probe-challenge");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (response.StatusCode == HttpStatusCode.OK && body.Contains("load-probe-challenge", StringComparison.Ordinal)) return true;
        throw new InvalidOperationException($"url_verification probe got {(int)response.StatusCode}: {body}");
    }

    /// <summary>JIT, connection pool and SQLite caches warm up before anything is measured; the warm-up is not reported.</summary>
    public async Task WarmUpAsync(int warmupSeconds, bool slack)
    {
        if (warmupSeconds == 0) return;
        var warmRate = Math.Min(rate, 200);
        LoadEnvironment.Progress($"warm-up: {warmupSeconds} s at {warmRate}/s");
        await _generator.RunAsync(_ => new HttpRequestMessage(HttpMethod.Get, _health), warmRate, TimeSpan.FromSeconds(warmupSeconds));
        if (!slack) return;
        var (_, targets) = await SendEventsAsync(warmRate, warmupSeconds);
        await WaitAnsweredAsync(targets, TimeSpan.FromSeconds(60));
    }

    public async Task<StepResult> MeasureHealthAsync()
    {
        LoadEnvironment.Progress($"GET /healthz at {rate}/s for {seconds} s");
        var (samples, cpu) = await MeasureAsync(() =>
            _generator.RunAsync(_ => new HttpRequestMessage(HttpMethod.Get, _health), rate, TimeSpan.FromSeconds(seconds)));
        return Report(StepResult.From("GET /healthz", rate, run, seconds, samples, cpu, null));
    }

    public async Task<StepResult> MeasureEventsAsync(TimeSpan answerWait)
    {
        LoadEnvironment.Progress($"POST /slack/events at {rate}/s for {seconds} s");
        var postsBefore = fake.Posts;
        (string Channel, string Ts)[] targets = [];
        var (samples, cpu) = await MeasureAsync(async () =>
        {
            var sent = await SendEventsAsync(rate, seconds);
            targets = sent.Targets;
            return sent.Samples;
        });
        var lastAck = samples.Max(s => s.EndTicks);
        var answeredAt = await WaitAnsweredAsync(targets, answerWait);
        await Task.Delay(1000); // a duplicate reply would come soon after the first: give it the chance to show
        var answers = Count(samples, targets, fake.Posts - postsBefore, (answeredAt - lastAck) / (double)Stopwatch.Frequency);
        return Report(StepResult.From("POST /slack/events", rate, run, seconds, samples, cpu, answers));
    }

    private async Task<(RequestSample[] Samples, (string Channel, string Ts)[] Targets)> SendEventsAsync(int eventRate, int eventSeconds)
    {
        var total = (int)Math.Round(eventRate * (double)eventSeconds);
        var targets = new (string Channel, string Ts)[total];
        var first = _nextEvent;
        _nextEvent += total;
        var samples = await _generator.RunAsync(i =>
        {
            var (request, target) = events.Event(_events, first + i);
            targets[i] = target;
            return request;
        }, eventRate, TimeSpan.FromSeconds(eventSeconds));
        return (samples, targets);
    }

    /// <summary>Waits until every target has a reply at the fake Slack; returns when (Stopwatch ticks) that was, or gave up.</summary>
    private async Task<long> WaitAnsweredAsync((string Channel, string Ts)[] targets, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var pending = targets.Where(t => t.Channel is not null).ToList();
        while (watch.Elapsed < timeout)
        {
            pending.RemoveAll(t => fake.Deliveries.ContainsKey(t));
            if (pending.Count == 0) break;
            await Task.Delay(50);
        }
        return Stopwatch.GetTimestamp();
    }

    private AnswerCount Count(RequestSample[] samples, (string Channel, string Ts)[] targets, long posts, double drainSeconds)
    {
        int answered = 0, twice = 0, never = 0;
        var endToEnd = new List<double>();
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i].Channel is null || !fake.Deliveries.TryGetValue(targets[i], out var delivery)) { never++; continue; }
            answered++;
            if (Volatile.Read(ref delivery.Count) > 1) twice++;
            endToEnd.Add((delivery.FirstTicks - samples[i].ScheduledTicks) * 1000.0 / Stopwatch.Frequency);
        }
        return new AnswerCount(answered, twice, never, posts, Latency.Of(endToEnd), Math.Max(0, drainSeconds));
    }

    /// <summary>
    /// Runs the load and says how many cores the server, the store's processes (PostgreSQL), this tool (generator and
    /// fake Slack) and the machine used meanwhile.
    /// </summary>
    private async Task<(RequestSample[] Samples, CpuUse Cpu)> MeasureAsync(Func<Task<RequestSample[]>> load)
    {
        var self = Process.GetCurrentProcess();
        var serverBefore = server.CpuTime();
        var storeBefore = store.CpuTime();
        var toolBefore = self.TotalProcessorTime;
        var machineBefore = MachineCpu.Now();
        var wall = Stopwatch.StartNew();
        var samples = await load();
        var elapsed = wall.Elapsed.TotalSeconds;
        self.Refresh();
        var cpu = new CpuUse((server.CpuTime() - serverBefore).TotalSeconds / elapsed, (self.TotalProcessorTime - toolBefore).TotalSeconds / elapsed,
            MachineCpu.BusyCores(machineBefore, MachineCpu.Now()), (store.CpuTime() - storeBefore).TotalSeconds / elapsed);
        return (samples, cpu);
    }

    private static StepResult Report(StepResult result)
    {
        LoadEnvironment.Progress($"  {result.Target}: sent {result.Sent}, errors {result.Errors}, p50 {result.Ack.P50:F1} ms, " +
            $"p99 {result.Ack.P99:F1} ms, max {result.Ack.Max:F0} ms" +
            (result.Answers is { } a ? $", answered {a.Answered}, twice {a.AnsweredMoreThanOnce}, never {a.NeverAnswered}" : ""));
        return result;
    }
}
