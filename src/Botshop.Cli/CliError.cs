namespace Botshop.Cli;

/// <summary>A user's mistake: printed as one line on stderr with a non-zero exit, never as a stack trace.</summary>
public sealed class CliError(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int BadInput = 2;
    public const int StoreUnavailable = 3;
}
