using System.CommandLine;
using Botshop.Cli.Output;
using Botshop.Knowledge;
using Botshop.Knowledge.Postings;

namespace Botshop.Cli.Commands;

/// <summary>`botshop passages`: a posting's passages with their ids, for writing FAQ citations.</summary>
public static class PassagesCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var posting = new Option<string?>("--posting") { Description = "Only this posting's passages" };
        var command = new Command("passages", "List the passages of the postings in data/, with the ids FAQ answers cite") { posting, json };
        command.SetAction(parse => CliRunner.RunAsync(() =>
        {
            var folder = DataFolder.Locate(parse.GetValue(CommonOptions.Data));
            var postings = PostingLoader.LoadFolder(Path.Combine(folder, "postings"));
            var only = parse.GetValue(posting);
            if (only is not null && postings.All(p => p.Id != only))
                throw new CliError($"unknown posting '{only}'; postings: {string.Join(", ", postings.Select(p => p.Id))}");
            var selected = postings.Where(p => only is null || p.Id == only).ToList();
            if (parse.GetValue(json))
                Json.WriteLine(selected.Select(p => new { id = p.Id, title = p.Title, passages = p.Passages }));
            else
                foreach (var p in selected)
                {
                    Console.Out.WriteLine($"# {p.Id}: {p.Title}");
                    foreach (var passage in p.Passages) Console.Out.WriteLine($"{passage.Id}\t[{passage.Section}] {passage.Text}");
                }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
