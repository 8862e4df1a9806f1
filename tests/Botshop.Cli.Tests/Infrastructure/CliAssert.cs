namespace Botshop.Cli.Tests.Infrastructure;

/// <summary>The CLI's error contract: a non-zero exit, one line on stderr, never a stack trace.</summary>
public static class CliAssert
{
    public static void NoStackTrace(CliResult result) =>
        Assert.False(result.Stderr.Contains("   at ", StringComparison.Ordinal) || result.Stderr.Contains("Unhandled exception", StringComparison.Ordinal),
            $"stack trace on stderr:\n{result}");

    /// <summary>Fails unless the run failed with exactly one stderr line; returns that line.</summary>
    public static string OneLineError(CliResult result, int? exitCode = null)
    {
        NoStackTrace(result);
        Assert.True(result.ExitCode != 0, $"expected a non-zero exit:\n{result}");
        if (exitCode is not null) Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}:\n{result}");
        Assert.True(result.StderrLines.Count == 1, $"expected exactly one line on stderr:\n{result}");
        return result.StderrLines[0];
    }

    public static void Succeeded(CliResult result)
    {
        NoStackTrace(result);
        Assert.True(result.ExitCode == 0, $"expected exit 0:\n{result}");
    }
}
