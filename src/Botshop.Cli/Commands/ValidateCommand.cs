using System.CommandLine;
using Botshop.Cli.Output;
using Botshop.Knowledge;
using Botshop.Knowledge.Faq;

namespace Botshop.Cli.Commands;

/// <summary>`botshop validate`: the FAQ checked against the current postings.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("validate", "Check the FAQ files against the current postings (citations, examples, coverage)") { json };
        command.SetAction(parse => CliRunner.RunAsync(() =>
        {
            var folder = DataFolder.Locate(parse.GetValue(CommonOptions.Data));
            var loaded = KnowledgeLoader.Load(folder);
            var report = loaded.Validation;
            if (parse.GetValue(json))
                Json.WriteLine(new { valid = !report.HasErrors, intents = loaded.Knowledge.Intents.Count, issues = report.Issues });
            else
                Print(loaded, report);
            return Task.FromResult(report.HasErrors ? ExitCodes.Invalid : ExitCodes.Ok);
        }));
        return command;
    }

    private static void Print(LoadedKnowledge loaded, ValidationReport report)
    {
        foreach (var issue in report.Issues) Console.Out.WriteLine(issue);
        var kb = loaded.Knowledge;
        var errors = report.Errors.Count();
        Console.Out.WriteLine($"{kb.Postings.Count} postings, {kb.Intents.Count} intents, {kb.TrainingExamples().Count()} examples: " +
            (errors == 0 ? "valid" : $"{errors} error(s)") + $", {report.Issues.Count - errors} warning(s)");
    }
}
