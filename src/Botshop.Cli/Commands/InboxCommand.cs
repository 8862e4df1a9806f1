using System.CommandLine;
using Botshop.Cli.Output;
using Botshop.Core.Inbox;
using Botshop.Hosting;
using Botshop.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Botshop.Cli.Commands;

/// <summary>`botshop inbox`: the open questions that need a recruiter, grouped as the dashboard's inbox groups them.</summary>
public static class InboxCommand
{
    private const int ShownPerGroup = 3;

    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("inbox", "List the questions that need a recruiter (declined, ambiguous, low confidence, voted down), grouped") { json };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Data));
            await services.GetRequiredService<BotshopDatabase>().MigrateAsync(ct);
            // The served model's threshold decides which answers count as shaky, as on the server.
            await services.GetRequiredService<ModelService>().LoadActiveAsync(ct);
            var view = await services.GetRequiredService<InboxService>().ListAsync(ct);
            if (parse.GetValue(json)) Json.WriteLine(ToJson(view));
            else Print(view);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static object ToJson(InboxView view) => new
    {
        confidenceBelow = view.ConfidenceBelow,
        questions = view.QuestionCount,
        truncated = view.Truncated,
        groups = view.Groups.Select(g => new
        {
            count = g.Count,
            keyTerms = g.KeyTerms,
            intent = g.Intent,
            meanConfidence = g.MeanConfidence,
            postings = g.Postings,
            channels = g.Channels,
            downVotes = g.DownVotes,
            questions = g.Questions.Select(q => new
            {
                id = q.MessageId,
                text = q.Text,
                channel = q.Channel,
                posting = q.PostingId,
                intent = q.Intent,
                confidence = q.Confidence,
                kind = q.ReplyKind,
                downVotes = q.DownVotes,
                receivedAt = q.ReceivedAt,
            }),
        }),
    };

    private static void Print(InboxView view)
    {
        Terminal.Out.MarkupLine($"{view.QuestionCount} open question(s) in {view.Groups.Count} group(s); answers below {view.ConfidenceBelow:P0} confidence count as shaky."
            + (view.Truncated ? " [yellow]Only the newest are grouped.[/]" : ""));
        if (view.Groups.Count == 0) return;
        var table = new Table().AddColumns("Count", "About", "Predicted", "Postings", "Channels", "👎", "Questions");
        foreach (var g in view.Groups)
        {
            var shown = g.Questions.Take(ShownPerGroup).Select(q => Markup.Escape(q.Text));
            var more = g.Count > ShownPerGroup ? $"\n… and {g.Count - ShownPerGroup} more" : "";
            table.AddRow(
                g.Count.ToString(),
                Markup.Escape(string.Join(", ", g.KeyTerms)),
                Markup.Escape(g.Intent ?? "out of scope") + (g.MeanConfidence is { } c ? $" ({c:P0})" : ""),
                Markup.Escape(string.Join(", ", g.Postings)),
                Markup.Escape(string.Join(", ", g.Channels)),
                g.DownVotes.ToString(),
                string.Join("\n", shown) + more);
        }
        Terminal.Out.Write(table);
    }
}
