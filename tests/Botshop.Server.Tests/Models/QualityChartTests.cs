using Botshop.Core.Models;
using Botshop.Server.Models;

namespace Botshop.Server.Tests.Models;

public sealed class QualityChartTests
{
    [Fact]
    public void Versions_run_oldest_to_newest_left_to_right_and_a_better_score_is_drawn_higher()
    {
        // The store lists newest first.
        var chart = QualityChart.Build([Version(3, 0.95, ModelStatus.Rejected), Version(2, 0.91, ModelStatus.Promoted, active: true), Version(1, 0.85, ModelStatus.Promoted)]);

        Assert.Equal([1L, 2L, 3L], chart.Points.Select(p => p.VersionId));
        Assert.True(chart.Points[0].X < chart.Points[1].X && chart.Points[1].X < chart.Points[2].X);
        Assert.True(chart.Points[2].AccuracyY < chart.Points[1].AccuracyY && chart.Points[1].AccuracyY < chart.Points[0].AccuracyY);
        Assert.Equal(["promoted", "promoted", "rejected"], chart.Points.Select(p => p.Status));
        Assert.Equal([false, true, false], chart.Points.Select(p => p.Active));
        Assert.Equal("0.80", chart.Ticks[0].Label); // the axis starts at the tenth below the worst score
        Assert.All(chart.Points, p => Assert.InRange(p.AccuracyY, 0, QualityChart.Height));
        Assert.Equal(3, chart.AccuracyLine.Split(' ').Length);
    }

    [Fact]
    public void No_versions_draw_nothing_and_one_version_sits_in_the_middle()
    {
        Assert.Empty(QualityChart.Build([]).Points);
        var one = QualityChart.Build([Version(1, 0.9, ModelStatus.Promoted, active: true)]).Points.Single();
        Assert.Equal((QualityChart.PlotLeft + QualityChart.PlotRight) / 2.0, one.X);
    }

    private static ModelVersion Version(long id, double score, ModelStatus status, bool active = false) => new(
        id, DateTimeOffset.UnixEpoch.AddDays(id), "LbfgsMaximumEntropy", 0.25f, 0f, "hash",
        new EvaluationReport("LbfgsMaximumEntropy", 5, 100, 0.25f, 0f, score, score - 0.01, 0.9, 0.9, score, [], [], []),
        active, status);
}
