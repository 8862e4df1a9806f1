using System.Text.Json;

namespace Botshop.Cli.Tests.Infrastructure;

/// <summary>What one run of the CLI process left behind: its exit code and everything it printed.</summary>
public sealed record CliResult(IReadOnlyList<string> Arguments, int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StdoutLines => Lines(Stdout);

    public IReadOnlyList<string> StderrLines => Lines(Stderr);

    /// <summary>Stdout as one JSON document.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>Stdout as one JSON document a line (ask --json in stdin mode).</summary>
    public IReadOnlyList<JsonElement> JsonLines() => StdoutLines.Select(line =>
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }).ToList();

    /// <summary>Shown by failed assertions, so a failure says what the process did.</summary>
    public override string ToString() =>
        $"botshop {string.Join(' ', Arguments)} -> exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    private static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
}
