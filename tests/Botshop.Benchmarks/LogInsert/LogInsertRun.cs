using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Botshop.Benchmarks.Load;
using Botshop.Benchmarks.Stores;
using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Storage;

namespace Botshop.Benchmarks.LogInsert;

/// <summary>
/// The log-insert mode: conversation-log writes straight through <see cref="ConversationLog"/> on a fresh, migrated
/// store per run, with N concurrent writers. Two workloads: "question" (what a webhook's acknowledgement writes: the
/// conversation upsert and the message, one transaction) and "message" (everything an answered message writes:
/// question, reply and delivery, three transactions). See docs/benchmarks.md, "PostgreSQL".
/// </summary>
public static class LogInsertRun
{
    private const int WarmupMessages = 200;
    private static readonly string[] Workloads = ["question", "message"];

    private sealed record Run(string Store, string Workload, int Writers, int Messages, double PerSecond, Latency Latency, double StoreCores, double ClientCores, double BytesPerMessage);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = LogInsertOptions.Parse(args);
        var stores = new List<(string Name, Func<RunStore> Create)>();
        foreach (var store in options.Stores)
            stores.Add(store == "sqlite" ? ("SQLite (WAL, synchronous=NORMAL)", () => new SqliteRunStore(Path.Combine(LoadEnvironment.WorkFolder, "log-insert"), null)) : Postgres(options));

        var runs = new List<Run>();
        foreach (var (name, create) in stores)
            foreach (var workload in Workloads)
                foreach (var writers in options.Writers)
                    for (var repeat = 1; repeat <= options.Repeat; repeat++)
                    {
                        var run = await MeasureAsync(name, create, workload, writers, options.Messages);
                        LoadEnvironment.Progress($"{name} {workload} x{writers} run {repeat}: {run.PerSecond:F0}/s, p50 {run.Latency.P50:F2} ms, p99 {run.Latency.P99:F2} ms");
                        runs.Add(run);
                    }

        if (options.Json) Console.WriteLine(JsonSerializer.Serialize(runs, new JsonSerializerOptions { WriteIndented = true }));
        else WriteTable(options, runs);
        return 0;
    }

    private static (string, Func<RunStore>) Postgres(LogInsertOptions options)
    {
        var server = PostgresServer.FromEnvironment(options.Postgres);
        var session = options.SynchronousCommit is { } on ? $"-c synchronous_commit={(on ? "on" : "off")}" : null;
        var synchronous = options.SynchronousCommit is { } s ? (s ? "on" : "off") : server.Setting("synchronous_commit");
        return ($"PostgreSQL {server.Version()} (fsync={server.Setting("fsync")}, synchronous_commit={synchronous})",
            () => new PostgresRunStore(server, template: null, session));
    }

    private static async Task<Run> MeasureAsync(string storeName, Func<RunStore> create, string workload, int writers, int messages)
    {
        await using var store = create();
        await using var db = new BotshopDatabase(store.Options);
        await db.MigrateAsync();
        var log = new ConversationLog(db, TimeProvider.System);
        await WriteAsync(log, workload, writers, 0, WarmupMessages, null);

        var sizeBefore = store.SizeBytes();
        var latencies = new double[messages];
        var self = Process.GetCurrentProcess();
        var clientBefore = self.TotalProcessorTime;
        var storeBefore = store.CpuTime();
        var wall = Stopwatch.StartNew();
        await WriteAsync(log, workload, writers, WarmupMessages, messages, latencies);
        var seconds = wall.Elapsed.TotalSeconds;
        self.Refresh();
        var storeCores = (store.CpuTime() - storeBefore).TotalSeconds / seconds;
        var clientCores = (self.TotalProcessorTime - clientBefore).TotalSeconds / seconds;
        return new Run(storeName, workload, writers, messages, messages / seconds, Latency.Of(latencies), storeCores, clientCores,
            (store.SizeBytes() - sizeBefore) / (double)messages);
    }

    /// <summary><paramref name="writers"/> tasks take message numbers first..first+count-1 in turn; five messages a conversation.</summary>
    private static Task WriteAsync(ConversationLog log, string workload, int writers, int first, int count, double[]? latencies)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var n = first + i;
                var started = Stopwatch.GetTimestamp();
                var message = new IncomingMessage("slack", $"C{n / 5}", $"u_{n % 97}", "How long is the internship and when does it start?",
                    ExternalId: $"Ev{n}");
                var id = await log.RecordQuestionAsync(message, DateTimeOffset.UtcNow, default)
                    ?? throw new InvalidOperationException($"message {n} was taken for a duplicate");
                if (workload == "message")
                {
                    await log.RecordReplyAsync(id, Answer, "1", 0.4, default);
                    await log.RecordDeliveryAsync(id, delivered: true, error: null, default);
                }
                if (latencies is not null) latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
    }

    private static readonly Reply Answer = new(ReplyKind.Answered, "The internship lasts 12 weeks, starting in June.", "research-intern",
        "duration", 0.92f, [], []);

    private static void WriteTable(LogInsertOptions options, List<Run> runs)
    {
        Console.WriteLine($"log-insert: {Environment.ProcessorCount} cores, {options.Messages} messages per run after {WarmupMessages} warm-up, " +
            $"{options.Repeat} runs each, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; medians of the runs (range in brackets); latency per message in ms");
        Console.WriteLine();
        Console.WriteLine("| Store | Workload | Writers | Messages/s | p50 ms | p99 ms | Store cores | Client cores | Bytes/message |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in runs.GroupBy(r => (r.Store, r.Workload, r.Writers)))
        {
            var rates = group.Select(r => r.PerSecond).Order().ToList();
            Console.WriteLine($"| {group.Key.Store} | {group.Key.Workload} | {group.Key.Writers} | {F(Median(rates), 0)} ({F(rates[0], 0)}-{F(rates[^1], 0)}) | " +
                $"{F(Median(group.Select(r => r.Latency.P50)), 2)} | {F(Median(group.Select(r => r.Latency.P99)), 2)} | " +
                $"{F(Median(group.Select(r => r.StoreCores)), 2)} | {F(Median(group.Select(r => r.ClientCores)), 2)} | " +
                $"{F(Median(group.Select(r => r.BytesPerMessage)), 0)} |");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
