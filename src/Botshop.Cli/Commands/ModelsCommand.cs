using System.CommandLine;
using Botshop.Cli.Output;
using Botshop.Core.Models;
using Botshop.Hosting.Models;
using Botshop.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Botshop.Cli.Commands;

/// <summary>`botshop models list|promote|rollback`: the stored versions, and switching the active one (audited as "cli").</summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "List model versions, promote one, or roll back to the previously active one")
        {
            List(), Promote(), Rollback(),
        };
        return command;
    }

    private static Command List()
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "The model versions, newest first, with their metrics and the gate's verdict") { json };
        command.SetAction((parse, ct) => WithStore(parse, async services =>
        {
            var versions = await services.GetRequiredService<IModelStore>().ListAsync(ct);
            if (parse.GetValue(json)) Json.WriteLine(versions.Select(Summary), indented: true);
            else Terminal.Out.Write(Table(versions));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Promote()
    {
        var id = new Argument<long>("id") { Description = "The model version to make active" };
        var command = new Command("promote", "Make a version active (a rejected one too: that overrides the gate, and the audit log says so)") { id };
        command.SetAction((parse, ct) => WithStore(parse, async services =>
        {
            var version = await Act(() => services.GetRequiredService<ModelPromotion>().PromoteAsync(parse.GetValue(id), TrainCommand.Actor, ct));
            Console.Out.WriteLine($"Model version {version.Id} is now active.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Rollback()
    {
        var command = new Command("rollback", "Make the previously active version active again");
        command.SetAction((parse, ct) => WithStore(parse, async services =>
        {
            var version = await Act(() => services.GetRequiredService<ModelPromotion>().RollbackAsync(TrainCommand.Actor, ct));
            Console.Out.WriteLine($"Rolled back: model version {version.Id} is now active.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Task<int> WithStore(ParseResult parse, Func<ServiceProvider, Task<int>> work) => CliRunner.RunAsync(async () =>
    {
        await using var services = CliServices.Build(parse.GetValue(CommonOptions.Data));
        await services.GetRequiredService<BotshopDatabase>().MigrateAsync();
        return await work(services);
    });

    private static async Task<ModelVersion> Act(Func<Task<ModelVersion>> action)
    {
        try
        {
            return await action();
        }
        catch (ModelActionException e)
        {
            throw new CliError(e.Message);
        }
    }

    private static object Summary(ModelVersion v) => new
    {
        id = v.Id, createdAt = v.CreatedAt, v.Trainer, status = v.Status, active = v.IsActive, v.CreatedBy, v.ActivatedAt,
        v.DataHash, v.Report.InScopeAccuracy, v.Report.MacroF1, v.Report.OutOfScopePrecision, v.Report.OutOfScopeRecall,
        regression = v.Gate?.Candidate.Regression, verdict = v.Gate?.Verdict, reason = v.Gate?.Reason,
    };

    private static Table Table(IReadOnlyList<ModelVersion> versions)
    {
        var table = new Table().AddColumns("Id", "Created (UTC)", "Status", "By", "Trainer", "Accuracy", "Macro-F1", "OOS P/R", "Regression", "Gate");
        foreach (var v in versions)
            table.AddRow(
                v.Id.ToString(), v.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm"),
                v.IsActive ? "[green]active[/]" : v.Status.ToString().ToLowerInvariant(),
                Markup.Escape(v.CreatedBy ?? "-"), Markup.Escape(v.Trainer),
                v.Report.InScopeAccuracy.ToString("P1"), v.Report.MacroF1.ToString("F3"),
                $"{v.Report.OutOfScopePrecision:P0}/{v.Report.OutOfScopeRecall:P0}",
                v.Gate is { } g ? $"{g.Candidate.Regression.Correct}/{g.Candidate.Regression.Total}" : "-",
                Markup.Escape(v.Gate?.Reason ?? "-"));
        return table;
    }
}
