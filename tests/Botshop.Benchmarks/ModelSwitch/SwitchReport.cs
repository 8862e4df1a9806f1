namespace Botshop.Benchmarks.ModelSwitch;

/// <summary>The model-switch run's figures: per server, the time from the promote POST to the first changed answer.</summary>
public sealed record SwitchReport(
    string Provider,
    ModelSwitchOptions Options,
    string LoadAfter,
    string LoadBefore,
    IReadOnlyList<SwitchSample> Switches,
    IReadOnlyList<StreamResult> Streams,
    IReadOnlyList<int> ProbeFailures)
{
    public object Summary() => new
    {
        Provider,
        Options.Switches,
        Options.PollSeconds,
        Options.StreamRate,
        LoadBefore,
        LoadAfter,
        PostMs = Quantiles(Switches.Select(s => s.PostMs)),
        Servers = Enumerable.Range(0, Streams.Count).Select(i => new
        {
            Server = Name(i),
            Missed = Switches.Count(s => s.Seen[i] is null),
            SwitchMs = Quantiles(Switches.Select(s => s.Seen[i]).OfType<double>()),
            Stream = new { Streams[i].Sent, Streams[i].NotOk, Streams[i].Statuses, P50 = Streams[i].Percentile(0.5), P99 = Streams[i].Percentile(0.99) },
        }),
        ProbeFailures = ProbeFailures.Count,
    };

    public void WriteTable(TextWriter o)
    {
        o.WriteLine($"Model switch on {Provider}: {Switches.Count} promotions through /admin/models/{{id}}/promote, alternating two versions; " +
                    $"load average before {LoadBefore}, after {LoadAfter}");
        o.WriteLine($"Promote POST round trip (ms): {Format(Quantiles(Switches.Select(s => s.PostMs)))}");
        o.WriteLine();
        o.WriteLine("| Server | New answer seen after POST sent, ms: median | p90 | min | max | missed | Stream sent | non-200 | stream p50 ms | stream p99 ms |");
        o.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < Streams.Count; i++)
        {
            var q = Quantiles(Switches.Select(s => s.Seen[i]).OfType<double>());
            var s = Streams[i];
            o.WriteLine($"| {Name(i)} | {q.Median:F1} | {q.P90:F1} | {q.Min:F1} | {q.Max:F1} | {Switches.Count(x => x.Seen[i] is null)} | " +
                        $"{s.Sent} | {s.NotOk} ({s.Statuses}) | {s.Percentile(0.5):F1} | {s.Percentile(0.99):F1} |");
        }
        o.WriteLine();
        o.WriteLine($"Probe requests that were not 200: {ProbeFailures.Count}");
        o.WriteLine("Per switch (ms, POST round trip; then each server): " +
                    string.Join("; ", Switches.Select(s => $"{s.PostMs:F0} -> " + string.Join("/", s.Seen.Select(x => x is { } v ? v.ToString("F0") : "-")))));
    }

    private string Name(int i) => i == 0
        ? "A: the server that was posted to (in-process swap)"
        : Provider == Botshop.Storage.StorageOptions.Postgres
            ? $"B: second replica (LISTEN/NOTIFY, Models:PollSeconds={Options.PollSeconds} fallback)"
            : $"B: second replica (polls the store, Models:PollSeconds={Options.PollSeconds})";

    private static (double Median, double P90, double Min, double Max) Quantiles(IEnumerable<double> values)
    {
        var v = values.ToList();
        return (Stats.Percentile(v, 0.5), Stats.Percentile(v, 0.9), Stats.Percentile(v, 0), Stats.Percentile(v, 1));
    }

    private static string Format((double Median, double P90, double Min, double Max) q) =>
        $"median {q.Median:F1}, p90 {q.P90:F1}, min {q.Min:F1}, max {q.Max:F1}";
}
