using System.CommandLine;
using Botshop.Cli.Output;
using Botshop.Hosting;
using Botshop.Hosting.Postings;
using Botshop.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Cli.Commands;

/// <summary>`botshop knowledge`: the live knowledge in the store: export it as a data folder, upload a posting into it.</summary>
public static class KnowledgeCommand
{
    /// <summary>The actor the audit log records for changes made from the command line.</summary>
    public const string Actor = "cli";

    public static Command Create() =>
        new("knowledge", "Work on the live knowledge in the store (data/ is only its seed)") { Export(), Upload() };

    private static Command Export()
    {
        var json = CommonOptions.Json();
        var output = new Option<string>("--out") { Description = "The folder to write (new or empty)", Required = true };
        var command = new Command("export", "Write the live knowledge as a data folder (postings/, faq/) that `validate --data` and a fresh import accept") { output, json };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            await using var services = await OpenStoreAsync(parse, ct);
            var report = await services.GetRequiredService<KnowledgeExporter>().ExportAsync(parse.GetValue(output)!, ct);
            if (parse.GetValue(json))
                Json.WriteLine(new { folder = report.Folder, files = report.Files, warnings = report.Warnings });
            else
            {
                foreach (var warning in report.Warnings) Console.Error.WriteLine($"warning: {warning}");
                Console.Out.WriteLine($"Wrote {report.Files.Count} files to {report.Folder}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Upload()
    {
        var json = CommonOptions.Json();
        var file = new Argument<FileInfo>("file") { Description = "The posting as published: .html, .htm or .txt; its name gives the posting id" };
        var title = new Option<string?>("--title") { Description = "The title candidates see (default: from the document)" };
        var locations = new Option<string[]>("--location") { Description = "A location (repeat for several; default: from the document)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("upload", "Add a posting, or update the one with the same id: stale answers are listed and a new posting gets draft answers") { file, title, locations, json };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliError($"no such file: {path.FullName}");
            var upload = new PostingUpload(path.Name, await File.ReadAllBytesAsync(path.FullName, ct), parse.GetValue(title), NullIfEmpty(parse.GetValue(locations)));

            await using var services = await OpenStoreAsync(parse, ct);
            var result = await services.GetRequiredService<PostingUploads>().UploadAsync(upload, Actor, ct);
            if (parse.GetValue(json))
                Json.WriteLine(new
                {
                    posting = result.Posting.Id, title = result.Posting.Title, created = result.Created, passages = result.Posting.Passages.Count,
                    added = result.AddedPassageIds, removed = result.RemovedPassageIds,
                    stale = result.StaleAnswers.Select(s => new { intent = s.Intent, missing = s.Missing.Select(m => m.PassageId), suggestion = s.Missing.Select(m => m.Suggestion?.Id) }),
                    drafts = result.Drafts.Select(d => new { intent = d.Intent, sources = d.SourceIds, score = d.Score }),
                });
            else
                Print(result);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(PostingUploadResult result)
    {
        var p = result.Posting;
        Console.Out.WriteLine($"{(result.Created ? "Added" : "Updated")} posting {p.Id} ({p.Title}): {p.Passages.Count} passages, " +
            $"{result.AddedPassageIds.Count} new, {result.RemovedPassageIds.Count} removed.");
        foreach (var stale in result.StaleAnswers)
            Console.Out.WriteLine($"stale: {stale.Intent} cites {string.Join(", ", stale.Missing.Select(m => m.PassageId))}" +
                string.Concat(stale.Missing.Where(m => m.Suggestion is not null).Select(m => $"; closest now: {m.Suggestion!.Id}")));
        foreach (var draft in result.Drafts)
            Console.Out.WriteLine($"draft: {draft.Intent} ({draft.Score:F2}) cites {string.Join(", ", draft.SourceIds)}");
    }

    /// <summary>The store migrated and seeded from data/ if it holds nothing yet: the live truth the verbs work on.</summary>
    private static async Task<ServiceProvider> OpenStoreAsync(ParseResult parse, CancellationToken ct)
    {
        var services = CliServices.Build(parse.GetValue(CommonOptions.Data));
        try
        {
            await services.GetRequiredService<BotshopDatabase>().MigrateAsync(ct);
            await services.GetRequiredService<KnowledgeService>().LoadOrSeedAsync(services.GetRequiredService<BotBootstrapper>().DataFolderPath, ct);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    private static string[]? NullIfEmpty(string[]? values) => values is { Length: > 0 } ? values : null;
}
