using System.Globalization;
using System.Text.Json;

namespace Botshop.Benchmarks.Load;

/// <summary>The slack-load results as a compact table (for people and docs/benchmarks.md) or as JSON (for scripts).</summary>
public static class LoadReport
{
    public static void WriteTable(TextWriter output, SlackLoadOptions options, string store, IReadOnlyList<StepResult> results)
    {
        output.WriteLine($"slack-load: store {store}; {Environment.ProcessorCount} cores, {options.Seconds} s per run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; " +
            "latency in ms from each request's scheduled send time (open loop); " +
            "Over 3 s: acks Slack would have retried; Other cores: CPU taken by other processes meanwhile");
        output.WriteLine();
        output.WriteLine("| Target | Rate/s | Run | Sent | Errors | p50 | p90 | p99 | Max | Over 3 s | Achieved/s | Server cores | Store cores | Tool cores | Other cores | Answered | >1 | Never | Answer p50 | Answer p99 | Drain s | Held |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var a = r.Answers;
            output.WriteLine(string.Join(" | ", [
                "| " + r.Target, N(r.Rate), N(r.Run), N(r.Sent), N(r.Errors), F(r.Ack.P50), F(r.Ack.P90), F(r.Ack.P99), F(r.Ack.Max),
                N(r.AcksOver3s),
                F(r.AchievedRate, 0), F(r.Cpu.Server, 2), F(r.Cpu.Store, 2), F(r.Cpu.Tool, 2),
                F(r.Cpu.Others, 2),
                a is null ? "" : N(a.Answered), a is null ? "" : N(a.AnsweredMoreThanOnce), a is null ? "" : N(a.NeverAnswered),
                a is null ? "" : F(a.EndToEnd.P50), a is null ? "" : F(a.EndToEnd.P99), a is null ? "" : F(a.DrainSeconds, 1),
                (r.Held ? "yes" : "no") + " |"]));
        }
        foreach (var r in results.Where(r => r.Errors > 0))
            output.WriteLine($"errors, {r.Target} at {r.Rate}/s run {r.Run}: {r.ErrorKinds}");
        output.WriteLine();
        foreach (var target in results.Select(r => r.Target).Distinct())
        {
            var held = HighestHeld(results, target);
            output.WriteLine($"{target}: highest rate held (zero errors, p99 < {StepResult.P99GoalMs} ms" +
                (target.Contains("slack", StringComparison.Ordinal) ? ", every event answered exactly once" : "") +
                $", in every run): {(held is { } rate ? rate + "/s" : "none of the rates tried")}");
        }
    }

    public static void WriteJson(TextWriter output, SlackLoadOptions options, string store, IReadOnlyList<StepResult> results)
    {
        var document = new
        {
            store,
            cores = Environment.ProcessorCount,
            date = DateTime.UtcNow,
            options,
            highestHeld = results.Select(r => r.Target).Distinct().ToDictionary(t => t, t => HighestHeld(results, t)),
            results = results.Select(r => new
            {
                r.Target,
                r.Rate,
                r.Run,
                r.Seconds,
                r.Sent,
                r.Errors,
                r.ErrorKinds,
                r.Ack,
                r.AchievedRate,
                r.AcksOver3s,
                r.Cpu,
                r.Answers,
                r.Held
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
    }

    /// <summary>The highest rate whose every run held; a rate is not counted if a lower one already failed.</summary>
    public static int? HighestHeld(IReadOnlyList<StepResult> results, string target)
    {
        int? best = null;
        foreach (var group in results.Where(r => r.Target == target).GroupBy(r => r.Rate).OrderBy(g => g.Key))
        {
            if (!group.All(r => r.Held)) break;
            best = group.Key;
        }
        return best;
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
    private static string F(double value, int decimals = 1) => double.IsNaN(value) ? "-" : value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
