namespace Botshop.Cli.Tests.Infrastructure;

/// <summary>
/// Where a CLI run keeps its state: the SQLite file (always a temporary one, never the user's default database)
/// and the data folder. Null <see cref="DataFolder"/> leaves Botshop__DataPath unset.
/// </summary>
public sealed record CliEnvironment(string DatabasePath, string? DataFolder, string WorkingDirectory)
{
    public string ConnectionString => $"Data Source={DatabasePath}";
}
