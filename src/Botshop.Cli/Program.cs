using System.CommandLine;
using Botshop.Cli.Commands;

var root = new RootCommand("Botshop: answers job candidates' questions about job postings, and learns from recruiters.")
{
    CommonOptions.Data,
    TrainCommand.Create(),
    ModelsCommand.Create(),
    EvalCommand.Create(),
    AskCommand.Create(),
    PostingsCommand.Create(),
    PassagesCommand.Create(),
    ValidateCommand.Create(),
    UsersCommand.Create(),
    KnowledgeCommand.Create(),
    InboxCommand.Create(),
};
foreach (var command in PrivacyCommands.Create()) root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();
