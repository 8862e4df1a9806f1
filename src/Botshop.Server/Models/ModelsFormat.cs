using System.Globalization;
using Botshop.Core.Models;

namespace Botshop.Server.Models;

/// <summary>How the models pages write numbers, times and statuses.</summary>
public static class ModelsFormat
{
    public static string Percent(double value) =>
        double.IsFinite(value) ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    public static string Score(double value) =>
        double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    public static string Change(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "–";

    public static string Status(ModelVersion v) => v.IsActive ? "active" : v.Status.ToString().ToLowerInvariant();

    public static string Regression(RegressionScore? s) =>
        s is null ? "–" : $"{Percent(s.Accuracy)} ({s.Correct}/{s.Total})";
}
