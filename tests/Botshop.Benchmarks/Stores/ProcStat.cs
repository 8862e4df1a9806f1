using System.Globalization;

namespace Botshop.Benchmarks.Stores;

/// <summary>A process's CPU ticks from /proc/PID/stat (Linux): its own, and its exited children's.</summary>
public sealed record ProcStat(int Pid, int ParentPid, long OwnTicks, long ChildTicks)
{
    // USER_HZ: 100 on every Linux this runs on; /proc reports CPU time in these ticks.
    private const double TicksPerSecond = 100;

    public static TimeSpan TicksToTime(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    public static ProcStat? Of(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture); // n as in proc(5), 1-based
            return new ProcStat(pid, (int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (IOException)
        {
            return null; // exited meanwhile, or no /proc
        }
    }

    public static IEnumerable<ProcStat> ChildrenOf(int parent) =>
        Directory.Exists("/proc")
            ? Directory.EnumerateDirectories("/proc")
                .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? Of(pid) : null)
                .OfType<ProcStat>()
                .Where(p => p.ParentPid == parent)
            : [];
}
