using Botshop.Benchmarks.Load;

namespace Botshop.Benchmarks.LogInsert;

/// <summary>
/// Arguments of the log-insert mode: --store sqlite|postgres|both, --messages N (per run), --writers a,b (concurrent
/// writers), --repeat R, --postgres CONNECTION (default: BOTSHOP_TEST_POSTGRES), --synchronous-commit on|off (PostgreSQL session setting), --json.
/// </summary>
public sealed record LogInsertOptions(
    IReadOnlyList<string> Stores,
    int Messages,
    IReadOnlyList<int> Writers,
    int Repeat,
    string? Postgres,
    bool? SynchronousCommit,
    bool Json)
{
    public static LogInsertOptions Parse(IReadOnlyList<string> args)
    {
        IReadOnlyList<string> stores = ["sqlite", "postgres"];
        int messages = 2000, repeat = 5;
        IReadOnlyList<int> writers = [1, 8];
        string? postgres = null;
        bool? synchronousCommit = null;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--store":
                    var store = Value();
                    stores = store == "both" ? ["sqlite", "postgres"] : [SlackLoadOptions.StoreName(store)];
                    break;
                case "--messages": messages = Positive(Value()); break;
                case "--writers": writers = Value().Split(',').Select(Positive).ToList(); break;
                case "--repeat": repeat = Positive(Value()); break;
                case "--postgres": postgres = Value(); break;
                case "--synchronous-commit": synchronousCommit = SlackLoadOptions.OnOff(Value()); break;
                case "--json": json = true; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        return new LogInsertOptions(stores, messages, writers, repeat, postgres, synchronousCommit, json);
    }

    private static int Positive(string text) =>
        int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"not a positive number: {text}");
}
