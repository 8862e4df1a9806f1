using System.Diagnostics;

namespace Botshop.Benchmarks.Load;

/// <summary>Latency figures in milliseconds, nearest-rank percentiles over every request (errors included).</summary>
public sealed record Latency(double P50, double P90, double P99, double Max)
{
    public static Latency Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return new Latency(double.NaN, double.NaN, double.NaN, double.NaN);
        double At(double p) => sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latency(At(0.50), At(0.90), At(0.99), sorted[^1]);
    }
}

/// <summary>What the Slack events answered: each event's reply target counted at the fake Slack.</summary>
public sealed record AnswerCount(int Answered, int AnsweredMoreThanOnce, int NeverAnswered, long Posts, Latency EndToEnd, double DrainSeconds);

/// <summary>
/// Average busy cores while a run sent: the server, this tool (generator and fake Slack), the whole machine, and the
/// store's own processes (PostgreSQL; SQLite runs inside the server).
/// </summary>
public sealed record CpuUse(double Server, double Tool, double Machine, double Store = 0)
{
    /// <summary>What neither the server, its store nor this tool used: other processes competing for the same cores.</summary>
    public double Others => Math.Max(0, Machine - Server - Tool - Store);
}

/// <summary>One fixed-rate run against one endpoint.</summary>
public sealed record StepResult(
    string Target,
    int Rate,
    int Run,
    int Seconds,
    int Sent,
    int Errors,
    string ErrorKinds,
    Latency Ack,
    double AchievedRate,
    int AcksOver3s,
    CpuUse Cpu,
    AnswerCount? Answers)
{
    public const double P99GoalMs = 50;

    /// <summary>Held: no errors, p99 under the goal, and (for events) every question answered exactly once.</summary>
    public bool Held => Errors == 0 && Ack.P99 < P99GoalMs
        && (Answers is null || (Answers.AnsweredMoreThanOnce == 0 && Answers.NeverAnswered == 0));

    public static StepResult From(string target, int rate, int run, int seconds, RequestSample[] samples,
        CpuUse cpu, AnswerCount? answers)
    {
        var ok = samples.Where(s => s.Ok).ToArray();
        var errors = samples.Where(s => !s.Ok).GroupBy(s => s.Error ?? $"HTTP {s.Status}")
            .Select(g => $"{g.Key} x{g.Count()}");
        var first = samples.Length == 0 ? 0 : samples.Min(s => s.ScheduledTicks);
        var last = ok.Length == 0 ? first : ok.Max(s => s.EndTicks);
        var window = (last - first) / (double)Stopwatch.Frequency;
        return new StepResult(target, rate, run, seconds, samples.Length, samples.Length - ok.Length, string.Join(", ", errors),
            Latency.Of(samples.Select(s => s.LatencyMs)), window > 0 ? ok.Length / window : 0,
            samples.Count(s => s.LatencyMs > 3000), cpu, answers);
    }
}
