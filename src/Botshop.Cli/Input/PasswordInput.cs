using Botshop.Cli.Output;
using Spectre.Console;

namespace Botshop.Cli.Input;

/// <summary>
/// A password comes from standard input, never from the command line (where ps, shell history and CI logs would keep
/// it): the first line of piped input, or typed twice at a hidden prompt on a terminal.
/// </summary>
public static class PasswordInput
{
    public static async Task<string> ReadAsync(bool fromStdin, CancellationToken ct)
    {
        if (fromStdin || Console.IsInputRedirected)
        {
            var line = await Console.In.ReadLineAsync(ct)
                ?? throw new CliError("no password on standard input: pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | botshop users …");
            return line.TrimEnd('\r');
        }
        var first = Terminal.Err.Prompt(new TextPrompt<string>("Password:").Secret());
        var again = Terminal.Err.Prompt(new TextPrompt<string>("Same password again:").Secret());
        return first == again ? first : throw new CliError("the two passwords differ");
    }
}
