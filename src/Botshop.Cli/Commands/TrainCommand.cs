using System.CommandLine;
using Botshop.Cli.Output;
using Botshop.Core.Audit;
using Botshop.Core.Models;
using Botshop.Hosting;
using Botshop.Hosting.Models;
using Botshop.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Cli.Commands;

/// <summary>
/// `botshop train`: the dashboard's "Retrain now" run in this process. It queues a training job (or joins the one
/// already queued or running), runs it here with progress on stderr (or follows it while a server's worker runs it),
/// and prints the version with the regression gate's verdict.
/// </summary>
public static class TrainCommand
{
    public const string Actor = "cli";

    public static Command Create()
    {
        var json = CommonOptions.Json();
        var import = new Option<bool>("--import-data")
        {
            Description = "First replace the store's knowledge with data/ (drops recruiters' edits and labelled examples)",
        };
        var command = new Command("train",
            "Retrain on the live knowledge in the store (seeded from data/ on first use); the new version is promoted only if it passes the regression gate")
        { json, import };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Data));
            await services.GetRequiredService<BotshopDatabase>().MigrateAsync(ct);
            var folder = services.GetRequiredService<BotBootstrapper>().DataFolderPath;
            var knowledge = services.GetRequiredService<KnowledgeService>();
            if (parse.GetValue(import))
            {
                await knowledge.ImportAsync(folder(), ct);
                await services.GetRequiredService<IAuditLog>().RecordAsync(Actor, "knowledge.import", "knowledge", new { folder = folder() }, ct);
            }
            else await knowledge.LoadOrSeedAsync(folder, ct);

            var (job, created) = await services.GetRequiredService<TrainingRequests>().RequestAsync(Actor, ct);
            if (!created)
                Console.Error.WriteLine($"Training job {job.Id} (requested by {job.RequestedBy}) is already {job.Status.ToString().ToLowerInvariant()}: joining it.");
            var processor = services.GetRequiredService<TrainingJobProcessor>();
            var finished = await TrainingProgressDisplay.RunAsync($"Training job {job.Id}",
                progress => processor.RunOrFollowAsync(job.Id, progress, ct));
            if (finished.Status == TrainingJobStatus.Failed || finished.ModelVersionId is null)
                throw new CliError($"training job {finished.Id} failed: {finished.Error ?? finished.Status.ToString()}");

            var version = (await services.GetRequiredService<IModelStore>().GetAsync(finished.ModelVersionId.Value, ct))!.Value.Version;
            if (parse.GetValue(json))
                Json.WriteLine(new
                {
                    job = finished.Id, status = finished.Status, version = version.Id, version.Trainer, version.DataHash,
                    gate = version.Gate, report = version.Report,
                }, indented: true);
            else
            {
                Console.Out.WriteLine(finished.Status == TrainingJobStatus.Promoted
                    ? $"Model version {version.Id} is now active ({version.Trainer}, data {version.DataHash[..12]})."
                    : $"Model version {version.Id} stays a candidate: the regression gate rejected it.");
                if (version.Gate is not null) GatePrinter.Print(version.Gate, Terminal.Out);
                ReportPrinter.Print(version.Report, Terminal.Out);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
