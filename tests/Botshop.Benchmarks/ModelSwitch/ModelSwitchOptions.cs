using Botshop.Benchmarks.Load;

namespace Botshop.Benchmarks.ModelSwitch;

/// <summary>
/// Arguments of the model-switch mode: --switches N (default 20), --store sqlite|postgres, --postgres CONNECTION,
/// --replica (a second server on the same store, which learns of the switch from the store), --poll-seconds S (that
/// replica's Models:PollSeconds, default 5), --stream-rate R (steady chat requests a second to each server during the
/// switches, default 20), --db PATH (a trained SQLite database to start from), --server PATH, --json.
/// </summary>
public sealed record ModelSwitchOptions(
    int Switches,
    string Store,
    string? Postgres,
    bool Replica,
    int PollSeconds,
    int StreamRate,
    string? Database,
    string? ServerDll,
    bool Json)
{
    public static ModelSwitchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new ModelSwitchOptions(20, "sqlite", null, false, 5, 20, null, null, false);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--switches" => o with { Switches = Positive(Value()) },
                "--store" => o with { Store = SlackLoadOptions.StoreName(Value()) },
                "--postgres" => o with { Postgres = Value() },
                "--replica" => o with { Replica = true },
                "--poll-seconds" => o with { PollSeconds = Positive(Value()) },
                "--stream-rate" => o with { StreamRate = Positive(Value()) },
                "--db" => o with { Database = Value() },
                "--server" => o with { ServerDll = Value() },
                "--json" => o with { Json = true },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }
        return o;
    }

    private static int Positive(string text) =>
        int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"not a positive number: {text}");
}
