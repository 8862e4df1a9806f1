using System.Diagnostics;
using Botshop.Benchmarks.Stores;
using Botshop.Storage;

namespace Botshop.Benchmarks.Conversations;

/// <summary>
/// `conversation-reads (--db PATH | --postgres CONNECTION) [--repeats N]`: the same reads as
/// <see cref="ConversationQueryBenchmarks"/> and <see cref="WorkspaceReadBenchmarks"/> on a seeded store, each timed
/// N times in a row after one warm-up, reporting the median wall time and the CPU time per call of this process and,
/// on PostgreSQL, of the database server too. On a machine shared with other work the wall clock counts the wait for
/// a core; CPU time does not, so it is the figure to compare against a goal measured on an idle machine.
/// </summary>
public static class ConversationReadsRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var repeats = int.Parse(BenchStore.Value(args, "--repeats") ?? "15", System.Globalization.CultureInfo.InvariantCulture);
        var options = BenchStore.FromArgs(args);
        // The benchmark classes read the store from the environment, as they do under BenchmarkDotNet.
        Environment.SetEnvironmentVariable(options.Provider == StorageOptions.Postgres ? BenchStore.PostgresVariable : BenchStore.SqliteVariable,
            options.Provider == StorageOptions.Postgres ? options.ConnectionString : BenchStore.Value(args, "--db"));
        var server = options.Provider == StorageOptions.Postgres ? new PostgresServer(options.ConnectionString!) : null;

        Console.WriteLine($"{options.Provider}, {repeats} calls each after one warm-up; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine();
        Console.WriteLine("| Read | Wall median ms | Wall max ms | Client CPU ms/call | Database server CPU ms/call |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var scenario in ConversationQueryBenchmarks.Scenarios)
        {
            var bench = new ConversationQueryBenchmarks { Scenario = scenario };
            await bench.SetupAsync();
            await ReportAsync($"conversations page: {scenario}", repeats, server, bench.Page);
            await bench.CleanupAsync();
        }
        var reads = new WorkspaceReadBenchmarks();
        await reads.SetupAsync();
        await ReportAsync("SELECT 1 (floor)", repeats, server, reads.Floor);
        await ReportAsync("thread page", repeats, server, reads.Thread);
        await ReportAsync("overview counts (7 days, open inbox)", repeats, server, reads.Overview);
        await reads.CleanupAsync();
        Console.WriteLine();
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static async Task ReportAsync<T>(string name, int repeats, PostgresServer? server, Func<Task<T>> read)
    {
        await read();
        var process = Process.GetCurrentProcess();
        var wall = new List<double>();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var serverCpu = server?.CpuTime() ?? TimeSpan.Zero;
        for (var i = 0; i < repeats; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await read();
            wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        // This process's CPU first, so the query CpuTime() runs is not charged to the client.
        process.Refresh();
        var clientMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / repeats;
        var serverMs = server is null ? "" : ((server.CpuTime() - serverCpu).TotalMilliseconds / repeats).ToString("F1");
        wall.Sort();
        Console.WriteLine($"| {name} | {wall[wall.Count / 2]:F1} | {wall[^1]:F1} | {clientMs:F1} | {serverMs} |");
    }
}
