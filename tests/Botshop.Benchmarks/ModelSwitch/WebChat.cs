using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Botshop.Benchmarks.ModelSwitch;

/// <summary>
/// The web chat API (POST /api/chat/messages) as a candidate's browser calls it: a probe that reports which answer a
/// question gets now, and a steady open-loop stream of questions whose every outcome is counted.
/// </summary>
public sealed class WebChat(HttpClient client, Uri server, string postingId)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>What distinguishes one model version's answer from another's: reply kind, intent and confidence.</summary>
    public readonly record struct Answer(int Status, string Fingerprint, long EndTicks, float Confidence);

    public async Task<Answer> AskAsync(string question, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await client.PostAsJsonAsync(new Uri(server, "api/chat/messages"),
                new { postingId, conversationId = Guid.NewGuid().ToString("n"), text = question }, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var end = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode) return new Answer((int)response.StatusCode, $"HTTP {(int)response.StatusCode}", end, 0);
            var json = JsonNode.Parse(body)!.AsObject();
            var confidence = json["confidence"]!.GetValue<float>();
            return new Answer(200, $"{json["kind"]}/{json["intent"]}/{confidence:R}", end, confidence);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new Answer(0, e.GetType().Name, Stopwatch.GetTimestamp(), 0);
        }
    }

    /// <summary>
    /// Asks <paramref name="question"/> back to back until the answer's fingerprint is no longer
    /// <paramref name="before"/>; returns that answer (its end time is when the new model was first seen answering).
    /// </summary>
    public async Task<Answer?> WaitForChangeAsync(string question, string before, TimeSpan patience, List<int> failures)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < patience)
        {
            var answer = await AskAsync(question);
            if (answer.Status != 200) { lock (failures) failures.Add(answer.Status); continue; }
            if (answer.Fingerprint != before) return answer;
        }
        return null;
    }

    /// <summary>Questions at <paramref name="rate"/> a second, open loop, until <paramref name="ct"/> fires; the status of each (0: no response).</summary>
    public async Task<StreamResult> StreamAsync(IReadOnlyList<string> questions, int rate, CancellationToken ct)
    {
        var sent = new List<Task>();
        var statuses = new ConcurrentBag<(int Status, double Ms)>();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; !ct.IsCancellationRequested; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, ct); }
                catch (OperationCanceledException) { break; }
            }
            var question = questions[i % questions.Count];
            sent.Add(Task.Run(async () =>
            {
                var answer = await AskAsync(question);
                statuses.Add((answer.Status, (answer.EndTicks - due) * 1000.0 / Stopwatch.Frequency));
            }, CancellationToken.None));
        }
        await Task.WhenAll(sent);
        return new StreamResult(statuses.ToList());
    }
}

/// <summary>The steady stream's outcome: every request's status (0 when it got no response) and latency.</summary>
public sealed record StreamResult(IReadOnlyList<(int Status, double Ms)> Requests)
{
    public int Sent => Requests.Count;
    public int NotOk => Requests.Count(r => r.Status != 200);
    public string Statuses => string.Join(", ", Requests.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
    public double Percentile(double p) => Stats.Percentile(Requests.Select(r => r.Ms), p);
}

public static class Stats
{
    /// <summary>Nearest-rank percentile (p in 0..1) of <paramref name="values"/>; NaN when empty.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
