using System.CommandLine;
using Botshop.Cli.Output;
using Botshop.Hosting.Privacy;
using Botshop.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Botshop.Cli.Commands;

/// <summary>`botshop purge`, `botshop forget` and `botshop export-user`: retention and candidates' rights from the command line.</summary>
public static class PrivacyCommands
{
    /// <summary>The actor the audit log records for these commands.</summary>
    public const string Actor = "cli";

    public static IEnumerable<Command> Create() => [Purge(), Forget(), ExportUser()];

    private static Command Purge()
    {
        var json = CommonOptions.Json();
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what is due without deleting anything" };
        var command = new Command("purge", "Delete messages older than Privacy:RetentionDays, with their feedback, replies and emptied conversations")
        {
            dryRun, json,
        };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            await using var services = await StoreServicesAsync(parse, ct);
            var days = services.GetRequiredService<IOptions<PrivacyOptions>>().Value.RetentionDays;
            var preview = parse.GetValue(dryRun);
            var result = await services.GetRequiredService<RetentionRunner>().RunNowAsync(preview, ct);
            if (parse.GetValue(json))
            {
                Json.WriteLine(new
                {
                    dryRun = preview, retentionDays = days, cutoff = result.Cutoff, result.Messages, result.Feedback,
                    result.RecruiterReplies, result.Conversations,
                });
                return ExitCodes.Ok;
            }
            Console.Out.WriteLine($"{(preview ? "Would delete" : "Deleted")} {result.Messages} message(s), {result.Feedback} vote(s), " +
                $"{result.RecruiterReplies} recruiter reply(ies) and {result.Conversations} conversation(s) received before " +
                $"{result.Cutoff:u} (older than {days} days).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Forget()
    {
        var json = CommonOptions.Json();
        var who = new CandidateOptions();
        var command = new Command("forget", "Delete everything stored about one candidate (their conversations, messages, feedback, replies)") { json };
        foreach (var option in who.All) command.Options.Add(option);
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            await using var services = await StoreServicesAsync(parse, ct);
            var privacy = services.GetRequiredService<CandidatePrivacy>();
            var erased = await privacy.ForgetAsync(who.Resolve(parse, privacy), Actor, "candidate", ct);
            if (parse.GetValue(json)) Json.WriteLine(erased);
            else Console.Out.WriteLine($"Deleted {erased.Messages} message(s), {erased.Conversations} conversation(s), " +
                $"{erased.Feedback} vote(s) and {erased.RecruiterReplies} recruiter reply(ies).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ExportUser()
    {
        var who = new CandidateOptions();
        var command = new Command("export-user", "Print as JSON everything stored about one candidate, reply addresses decrypted");
        foreach (var option in who.All) command.Options.Add(option);
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            await using var services = await StoreServicesAsync(parse, ct);
            var privacy = services.GetRequiredService<CandidatePrivacy>();
            var export = await privacy.ExportAsync(who.Resolve(parse, privacy), Actor, ct);
            Json.WriteLine(CandidateExportJson.From(export), indented: true);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<ServiceProvider> StoreServicesAsync(ParseResult parse, CancellationToken ct)
    {
        var services = CliServices.Build(parse.GetValue(CommonOptions.Data));
        try
        {
            await services.GetRequiredService<BotshopDatabase>().MigrateAsync(ct);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }
}
