using System.Globalization;

namespace Botshop.Benchmarks.Load;

/// <summary>
/// Busy CPU of the whole machine from /proc/stat, so a run can say how much of the 2 cores other work (builds,
/// other processes) took while it measured. Zero where /proc/stat does not exist.
/// </summary>
public readonly record struct MachineCpu(long Busy, long Total)
{
    public static MachineCpu Now()
    {
        if (!File.Exists("/proc/stat")) return default;
        // "cpu  user nice system idle iowait irq softirq steal ...": idle and iowait are the not-busy ones.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return new MachineCpu(total - fields[3] - fields[4], total);
    }

    /// <summary>Average busy cores between two readings.</summary>
    public static double BusyCores(MachineCpu before, MachineCpu after) =>
        after.Total == before.Total ? 0 : (double)(after.Busy - before.Busy) / (after.Total - before.Total) * Environment.ProcessorCount;
}
