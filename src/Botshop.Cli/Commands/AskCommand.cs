using System.CommandLine;
using Botshop.Cli.Output;
using Botshop.Core;
using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Core.Knowledge;
using Botshop.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Cli.Commands;

/// <summary>
/// `botshop ask`: answer one question, or one a line from stdin, through the same conversation path every channel
/// takes; each question is logged with channel "cli".
/// </summary>
public static class AskCommand
{
    public const string Channel = "cli";

    public static Command Create()
    {
        var json = CommonOptions.Json();
        var posting = new Option<string?>("--posting") { Description = "The posting asked about (required when there are several)" };
        var question = new Argument<string[]>("question")
        {
            Description = "The question; without it, questions are read one a line from standard input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("ask", "Answer a candidate's question about a posting") { posting, json, question };
        command.SetAction((parse, ct) => CliRunner.RunAsync(async () =>
        {
            var words = parse.GetValue(question) ?? [];
            var single = words.Length > 0 ? string.Join(' ', words) : null;
            if (single is not null) CheckQuestion(single);

            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Data));
            var knowledge = await services.GetRequiredService<BotBootstrapper>().StartAsync(progress: null, ct);
            var target = ResolvePosting(knowledge, parse.GetValue(posting));
            var session = new AskSession(services, target, parse.GetValue(json));

            if (single is not null)
            {
                await session.AskAsync(single, ct);
                return ExitCodes.Ok;
            }
            return await AskEachLineAsync(session, ct);
        }));
        return command;
    }

    private static async Task<int> AskEachLineAsync(AskSession session, CancellationToken ct)
    {
        var exit = ExitCodes.Ok;
        var lineNumber = 0;
        while (await Console.In.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                CheckQuestion(line);
                await session.AskAsync(line.Trim(), ct);
            }
            catch (CliError e)
            {
                // One bad line is reported and the rest still answered; the exit code says something was wrong.
                Console.Error.WriteLine($"botshop: line {lineNumber}: {e.Message}");
                exit = ExitCodes.BadInput;
            }
        }
        return exit;
    }

    private static void CheckQuestion(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new CliError("the question is empty");
        if (text.Length > ConversationService.MaxQuestionLength)
            throw new CliError($"the question is {text.Length} characters long; the limit is {ConversationService.MaxQuestionLength}");
    }

    private static Posting ResolvePosting(KnowledgeBase knowledge, string? id)
    {
        var list = string.Join(", ", knowledge.Postings.Select(p => p.Id));
        if (id is not null)
            return knowledge.FindPosting(id) ?? throw new CliError($"unknown posting '{id}'; postings: {list}");
        return knowledge.Postings.Count == 1
            ? knowledge.Postings[0]
            : throw new CliError($"there are {knowledge.Postings.Count} postings; choose one with --posting: {list}");
    }

    /// <summary>One CLI run: a conversation of its own, asked by the local user under a pseudonym.</summary>
    private sealed class AskSession(IServiceProvider services, Posting posting, bool json)
    {
        private readonly ConversationService _conversations = services.GetRequiredService<ConversationService>();
        private readonly string _conversationId = $"cli-{Guid.NewGuid():n}";
        private readonly string _userRef = services.GetRequiredService<UserPseudonym>().For(Channel, Environment.UserName);

        public async Task AskAsync(string text, CancellationToken ct)
        {
            var handled = await _conversations.HandleAsync(new IncomingMessage(Channel, _conversationId, _userRef, text, posting.Id), ct)
                ?? throw new InvalidOperationException("A CLI question has no delivery id and cannot be a duplicate.");
            if (json) Json.WriteLine(AskResult.From(text, handled.Reply));
            else Print(handled.Reply);
        }

        private static void Print(Reply reply)
        {
            Console.Out.WriteLine(reply.Text);
            foreach (var source in reply.Sources) Console.Out.WriteLine($"  > {source.Text}  [{source.Section}]");
            Console.Out.WriteLine();
        }
    }
}

/// <summary>The JSON line `ask --json` prints: the contract an evaluation reads.</summary>
public sealed record AskResult(
    string Question,
    string? Posting,
    bool Answered,
    string Kind,
    string? Intent,
    float Confidence,
    string Answer,
    IReadOnlyList<AskSource> Sources,
    IReadOnlyList<string> Choices)
{
    public static AskResult From(string question, Reply reply) => new(
        question, reply.PostingId, reply.Answered, reply.Kind.ToString(), reply.Intent, reply.Confidence, reply.Text,
        reply.Sources.Select(s => new AskSource(s.Id, s.Section, s.Text)).ToList(),
        reply.Choices.Select(c => c.Label).ToList());
}

public sealed record AskSource(string Id, string Section, string Text);
