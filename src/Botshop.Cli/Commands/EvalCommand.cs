using System.CommandLine;
using Botshop.Cli.Output;
using Botshop.Core.Models;
using Botshop.Hosting;
using Botshop.Ml;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Cli.Commands;

/// <summary>`botshop eval`: k-fold cross-validation over the FAQ examples in data/; nothing is stored.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var folds = new Option<int>("--folds") { Description = "Number of folds", DefaultValueFactory = _ => 5 };
        var command = new Command("eval", "Cross-validate the classifier on the FAQ examples and print the report") { json, folds };
        command.SetAction(parse => CliRunner.RunAsync(async () =>
        {
            var k = parse.GetValue(folds);
            if (k is < 2 or > 20) throw new CliError("--folds must be between 2 and 20");
            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Data));
            var knowledge = KnowledgeService.ReadValidated(services.GetRequiredService<BotBootstrapper>().DataFolderPath());
            var models = services.GetRequiredService<ModelService>();
            EvaluationReport report;
            try
            {
                report = await TrainingProgressDisplay.RunAsync("Cross-validating",
                    progress => Task.FromResult(models.Evaluate(knowledge, new TrainingOptions(Folds: k), progress)));
            }
            catch (ArgumentException e)
            {
                // The trainer refuses data it cannot cross-validate (e.g. more folds than an intent has examples).
                throw new CliError(e.Message);
            }
            if (parse.GetValue(json)) Json.WriteLine(report, indented: true);
            else ReportPrinter.Print(report, Terminal.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
