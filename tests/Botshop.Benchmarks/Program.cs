using BenchmarkDotNet.Running;
using Botshop.Benchmarks;
using Botshop.Benchmarks.Load;

// Modes besides BenchmarkDotNet's switcher (see docs/benchmarks.md):
//   export-folds OUT.csv [folds] [seed]   the examples with their CV fold, for peer/sklearn_compare.py
//   train [folds]                         a timed training run printing the cross-validated report
//   latency [calls]                       per-call prediction latency (median, p99)
//   slack-load [--rate N | --rates a,b] [--seconds S] [--repeat R] [--db PATH] [--store sqlite|postgres]
//              [--json]
//                                         the real server under fixed-rate signed Slack events (Load/)
//   log-insert [--store sqlite|postgres|both] [--messages N] [--writers a,b] [--repeat R]
//              [--synchronous-commit on|off] [--json]
//                                         conversation-log write throughput on each engine (LogInsert/)
//   seed-messages --count N (--db PATH | --postgres CONNECTION)
//                                         an empty store filled with N logged messages (Conversations/)
//   conversation-reads (--db PATH | --postgres CONNECTION) [--repeats N]
//                                         the workspace reads of a seeded store: wall and CPU time per call
//   inbox-scale [messages] [db path]      the inbox query and grouping over a SQLite store of N messages
//   model-switch [--switches N] [--store sqlite|postgres] [--replica] [--poll-seconds S] [--stream-rate R] [--json]
//                                         promote to the new model answering, on real servers (ModelSwitch/)
switch (args.FirstOrDefault())
{
    case "export-folds" when args.Length >= 2:
        FoldExport.Write(args[1], IntArg(args, 2, 5), IntArg(args, 3, 42));
        break;
    case "train":
        TrainingRun.Run(IntArg(args, 1, 5));
        break;
    case "latency":
        LatencyRun.Run(IntArg(args, 1, 100_000));
        break;
    case "slack-load":
        return await SlackLoadRun.RunAsync(args[1..]);
    case "log-insert":
        return await Botshop.Benchmarks.LogInsert.LogInsertRun.RunAsync(args[1..]);
    case "seed-messages":
        return await Botshop.Benchmarks.Conversations.MessageSeeder.RunAsync(args[1..]);
    case "model-switch":
        return await Botshop.Benchmarks.ModelSwitch.ModelSwitchRun.RunAsync(args[1..]);
    case "conversation-reads":
        return await Botshop.Benchmarks.Conversations.ConversationReadsRun.RunAsync(args[1..]);
    case "inbox-scale":
        await InboxScaleRun.RunAsync(IntArg(args, 1, 1_000_000), args.ElementAtOrDefault(2), repeats: 20);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(PredictionBenchmarks).Assembly).Run(args);
        break;
}
return 0;

static int IntArg(string[] args, int index, int fallback) =>
    args.Length > index && int.TryParse(args[index], out var value) ? value : fallback;
