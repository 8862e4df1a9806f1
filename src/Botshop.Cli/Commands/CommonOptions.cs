using System.CommandLine;

namespace Botshop.Cli.Commands;

public static class CommonOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "The data folder (postings/ and faq/). Default: Botshop__DataPath, or the nearest ./data",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of tables" };
}
