using Botshop.Core.Models;
using Spectre.Console;

namespace Botshop.Cli.Output;

/// <summary>Prints the regression gate's verdict: both versions' scores side by side and the reason.</summary>
public static class GatePrinter
{
    public static void Print(GateReport gate, IAnsiConsole console)
    {
        var set = gate.RegressionSet;
        var table = new Table()
            .Title($"Regression gate: {gate.Verdict.ToString().ToLowerInvariant()} (tolerance {gate.Tolerance:0.000})")
            .AddColumns("Measure", $"Candidate v{gate.Candidate.VersionId}", gate.Active is null ? "Active" : $"Active v{gate.Active.VersionId}", "Change");
        table.AddRow("Regression set", Regression(gate.Candidate.Regression), gate.Active is null ? "-" : Regression(gate.Active.Regression), "");
        foreach (var c in gate.Comparisons)
            table.AddRow(Markup.Escape(c.Metric), c.Candidate.ToString("0.000"), c.Active.ToString("0.000"),
                (c.Regressed ? "[red]" : "") + c.Change.ToString("+0.000;-0.000;0.000") + (c.Regressed ? "[/]" : ""));
        if (gate.Active is null)
        {
            table.AddRow("In-scope accuracy", gate.Candidate.InScopeAccuracy.ToString("0.000"), "-", "");
            table.AddRow("Macro-F1", gate.Candidate.MacroF1.ToString("0.000"), "-", "");
        }
        console.Write(table);
        console.MarkupLineInterpolated($"{gate.Reason}");
        console.MarkupLineInterpolated(
            $"Regression set: {set.Labelled} labelled logged question(s), {set.HeldOut} held-out ({set.HeldOutSkipped} skipped), held-out file {Short(set.HeldOutSha256)}.");
    }

    private static string Regression(RegressionScore s) =>
        $"{s.Accuracy:0.000} ({s.Correct}/{s.Total}: labelled {s.LabelledCorrect}/{s.LabelledTotal}, held-out {s.HeldOutCorrect}/{s.HeldOutTotal})";

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
