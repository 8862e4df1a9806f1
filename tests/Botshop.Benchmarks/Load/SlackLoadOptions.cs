namespace Botshop.Benchmarks.Load;

/// <summary>
/// Arguments of the slack-load mode: --rate N | --rates a,b,c, --seconds S, --repeat R, --db PATH (a trained
/// database to copy for each step), --server PATH (Botshop.Server.dll; default: build the repository's), --json,
/// --store sqlite|postgres, --postgres CONNECTION (default: BOTSHOP_TEST_POSTGRES).
/// </summary>
public sealed record SlackLoadOptions(
    IReadOnlyList<int> Rates,
    int Seconds,
    int Repeat,
    int WarmupSeconds,
    string? Database,
    string? ServerDll,
    bool Json,
    string Store = "sqlite",
    string? Postgres = null)
{
    public static SlackLoadOptions Parse(IReadOnlyList<string> args)
    {
        var rates = new List<int> { 500 };
        int seconds = 20, repeat = 1, warmup = 3;
        string? db = null, server = null;
        var json = false;
        string store = "sqlite";
        string? postgres = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--rate": rates = [PositiveInt(Value())]; break;
                case "--rates": rates = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(PositiveInt).ToList(); break;
                case "--seconds": seconds = PositiveInt(Value()); break;
                case "--repeat": repeat = PositiveInt(Value()); break;
                case "--warmup": warmup = int.Parse(Value()); break;
                case "--db": db = Value(); break;
                case "--server": server = Value(); break;
                case "--json": json = true; break;
                case "--store": store = StoreName(Value()); break;
                case "--postgres": postgres = Value(); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        return new SlackLoadOptions(rates, seconds, repeat, Math.Max(0, warmup), db, server, json, store, postgres);
    }

    public static string StoreName(string text) => text is "sqlite" or "postgres" ? text : throw new ArgumentException($"--store is sqlite or postgres, not {text}");

    public static bool OnOff(string text) => text switch
    {
        "on" => true,
        "off" => false,
        _ => throw new ArgumentException($"expected on or off, not {text}"),
    };

    private static int PositiveInt(string text) =>
        int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"not a positive number: {text}");
}
