using System.CommandLine;
using Botshop.Cli.Output;
using Botshop.Hosting;
using Botshop.Ml;
using Botshop.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Cli.Commands;

/// <summary>`botshop train`: import data/, train, store and activate a new model version, print its evaluation.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("train", "Train a model from data/, store it as the active version and print its evaluation") { json };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Data));
            await services.GetRequiredService<BotshopDatabase>().MigrateAsync(ct);
            var folder = services.GetRequiredService<BotBootstrapper>().DataFolderPath();
            var knowledge = await services.GetRequiredService<KnowledgeService>().ImportAsync(folder, ct);
            var models = services.GetRequiredService<ModelService>();
            var version = await TrainingProgressDisplay.RunAsync("Training",
                progress => models.TrainAndActivateAsync(knowledge, new TrainingOptions(), progress, ct));

            if (parse.GetValue(json))
                Json.WriteLine(new { version = version.Id, version.Trainer, version.DataHash, report = version.Report }, indented: true);
            else
            {
                Console.Out.WriteLine($"Model version {version.Id} is now active ({version.Trainer}, data {version.DataHash[..12]}).");
                ReportPrinter.Print(version.Report, Terminal.Out);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
