using System.Globalization;
using Botshop.Core.Models;

namespace Botshop.Server.Models;

/// <summary>
/// The quality-over-versions chart as plain numbers for an inline SVG: cross-validated in-scope accuracy and macro-F1
/// per version (oldest left), each point marked by the version's status. Computed here so the page only draws.
/// </summary>
public sealed class QualityChart
{
    public const int Width = 720;
    public const int Height = 240;
    private const int Left = 44, Right = 16, Top = 12, Bottom = 30;

    private QualityChart(IReadOnlyList<ChartPoint> points, IReadOnlyList<ChartTick> ticks)
    {
        Points = points;
        Ticks = ticks;
    }

    public IReadOnlyList<ChartPoint> Points { get; }
    public IReadOnlyList<ChartTick> Ticks { get; }

    public string AccuracyLine => string.Join(' ', Points.Select(p => $"{N(p.X)},{N(p.AccuracyY)}"));
    public string MacroF1Line => string.Join(' ', Points.Select(p => $"{N(p.X)},{N(p.MacroF1Y)}"));

    public static int PlotLeft => Left;
    public static int PlotRight => Width - Right;
    public static int PlotBottom => Height - Bottom;

    /// <summary>The newest <paramref name="max"/> versions, given newest first as the store lists them.</summary>
    public static QualityChart Build(IReadOnlyList<ModelVersion> newestFirst, int max = 40)
    {
        var versions = newestFirst.Take(max).Reverse().ToList();
        if (versions.Count == 0) return new QualityChart([], []);
        var values = versions.SelectMany(v => new[] { v.Report.InScopeAccuracy, v.Report.MacroF1 }).Where(double.IsFinite).ToList();
        // The axis starts at the tenth below the worst value, so differences of a point or two stay visible.
        var low = Math.Min(0.9, Math.Floor((values.Count == 0 ? 0 : values.Min()) * 10) / 10);
        var step = 1 - low <= 0.2 ? 0.05 : 0.1;
        var ticks = new List<ChartTick>();
        for (var t = low; t <= 1.0 + 1e-9; t += step) ticks.Add(new ChartTick(Y(t, low), t.ToString("0.00", CultureInfo.InvariantCulture)));

        var span = PlotRight - PlotLeft;
        var points = versions.Select((v, i) => new ChartPoint(
            v.Id,
            versions.Count == 1 ? PlotLeft + span / 2.0 : PlotLeft + span * i / (versions.Count - 1.0),
            Y(v.Report.InScopeAccuracy, low), Y(v.Report.MacroF1, low),
            v.Report.InScopeAccuracy, v.Report.MacroF1,
            v.Status.ToString().ToLowerInvariant(), v.IsActive)).ToList();
        return new QualityChart(points, ticks);
    }

    /// <summary>Numbers for SVG attributes: invariant, two decimals.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static double Y(double value, double low)
    {
        var clamped = double.IsFinite(value) ? Math.Clamp(value, low, 1) : low;
        return Top + (PlotBottom - Top) * (1 - (clamped - low) / (1 - low));
    }
}

/// <param name="Status">candidate, promoted or rejected: the point's style.</param>
public sealed record ChartPoint(long VersionId, double X, double AccuracyY, double MacroF1Y, double Accuracy, double MacroF1, string Status, bool Active);

public sealed record ChartTick(double Y, string Label);
