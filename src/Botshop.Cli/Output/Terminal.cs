using Spectre.Console;

namespace Botshop.Cli.Output;

/// <summary>Human output goes to stdout; progress and notes go to stderr so `--json` output stays machine-readable.</summary>
public static class Terminal
{
    public static IAnsiConsole Out { get; } = AnsiConsole.Console;

    public static IAnsiConsole Err { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });
}
