using System.CommandLine;
using Botshop.Cli.Output;
using Botshop.Hosting;
using Botshop.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Botshop.Cli.Commands;

/// <summary>`botshop postings`: the live postings, as the store holds them (seeded from data/ on first use).</summary>
public static class PostingsCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("postings", "List the postings the bot answers about") { json };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Data));
            await services.GetRequiredService<BotshopDatabase>().MigrateAsync(ct);
            var bootstrapper = services.GetRequiredService<BotBootstrapper>();
            var kb = await services.GetRequiredService<KnowledgeService>().LoadOrSeedAsync(bootstrapper.DataFolderPath, ct);
            if (parse.GetValue(json))
            {
                Json.WriteLine(kb.Postings.Select(p => new { id = p.Id, title = p.Title, locations = p.Locations, passages = p.Passages.Count }));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Id", "Title", "Locations", "Passages");
            foreach (var p in kb.Postings)
                table.AddRow(Markup.Escape(p.Id), Markup.Escape(p.Title), Markup.Escape(string.Join("; ", p.Locations)), p.Passages.Count.ToString());
            Terminal.Out.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
