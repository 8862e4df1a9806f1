using Botshop.Core.Models;
using Spectre.Console;

namespace Botshop.Cli.Output;

/// <summary>Prints an evaluation report as tables a recruiter or developer can scan.</summary>
public static class ReportPrinter
{
    public static void Print(EvaluationReport r, IAnsiConsole console)
    {
        var summary = new Table().Title($"Cross-validation ({r.Folds}-fold, {r.Examples} examples)").AddColumns("Measure", "Value");
        summary.AddRow("Chosen trainer", Markup.Escape(r.Trainer));
        summary.AddRow("In-scope accuracy", r.InScopeAccuracy.ToString("P1"));
        summary.AddRow("Macro-F1", r.MacroF1.ToString("F3"));
        summary.AddRow("Out-of-scope precision", r.OutOfScopePrecision.ToString("P1"));
        summary.AddRow("Out-of-scope recall", r.OutOfScopeRecall.ToString("P1"));
        summary.AddRow("Answered correctly (after threshold)", r.AnsweredCorrectRate.ToString("P1"));
        summary.AddRow("Confidence threshold", r.Threshold.ToString("F3"));
        summary.AddRow("Ambiguity margin", r.AmbiguityMargin.ToString("F3"));
        console.Write(summary);

        var trainers = new Table().Title("Trainers compared").AddColumns("Trainer", "Accuracy", "Macro-F1", "OOS recall", "Seconds");
        foreach (var t in r.TrainerComparison)
            trainers.AddRow(Markup.Escape(t.Trainer), t.InScopeAccuracy.ToString("P1"), t.MacroF1.ToString("F3"), t.OutOfScopeRecall.ToString("P1"), t.Seconds.ToString("F1"));
        console.Write(trainers);

        var intents = new Table().Title("Per intent").AddColumns("Intent", "Precision", "Recall", "F1", "Support");
        foreach (var i in r.PerIntent.OrderBy(i => i.F1))
            intents.AddRow(Markup.Escape(i.Intent), i.Precision.ToString("P0"), i.Recall.ToString("P0"), i.F1.ToString("F2"), i.Support.ToString());
        console.Write(intents);

        if (r.MostConfused.Count == 0) return;
        var confused = new Table().Title("Most confused").AddColumns("Expected", "Predicted", "Count");
        foreach (var c in r.MostConfused)
            confused.AddRow(Markup.Escape(c.Expected), Markup.Escape(c.Predicted), c.Count.ToString());
        console.Write(confused);
    }
}
