using System.Security.Cryptography;
using Botshop.Benchmarks.Stores;
using static Botshop.Benchmarks.Load.LoadEnvironment;

namespace Botshop.Benchmarks.Load;

/// <summary>
/// The slack-load mode: for each rate (and repeat), a fresh server on a fresh copy of the trained store (a SQLite file
/// or a PostgreSQL database), a fake Slack, a warm-up, then the ceiling (GET /healthz) and the Slack event path
/// (signed POST /slack/events) at the same fixed rate. See docs/benchmarks.md, "Slack event path under load".
/// </summary>
public static class SlackLoadRun
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = SlackLoadOptions.Parse(args);
        var repo = RepositoryRoot();
        var data = Path.Combine(repo, "data");
        Directory.CreateDirectory(WorkFolder);
        var serverDll = ServerDll(repo, options.ServerDll);
        using var client = OpenLoopGenerator.CreateClient();
        var template = options.Database ?? await TemplateAsync(serverDll, data, client);
        var stores = await StoresAsync(options.Store, options.Postgres, template);

        var results = new List<StepResult>();
        foreach (var rate in options.Rates)
            for (var run = 1; run <= options.Repeat; run++)
                results.AddRange(await StepAsync(options, serverDll, data, stores, client, rate, run));

        if (options.Json) LoadReport.WriteJson(Console.Out, options, stores.Description, results);
        else LoadReport.WriteTable(Console.Out, options, stores.Description, results);
        return 0;
    }

    /// <summary>Makes each step's store: a copy of the SQLite template, or a database copied from a PostgreSQL one.</summary>
    internal sealed record StoreFactory(Func<RunStore> Create, string Description);

    /// <summary>Fresh stores of one engine, each holding the template's knowledge and trained model.</summary>
    internal static async Task<StoreFactory> StoresAsync(string engine, string? postgres, string sqliteTemplate)
    {
        if (engine == "sqlite")
            return new StoreFactory(() => new SqliteRunStore(WorkFolder, sqliteTemplate), "SQLite (WAL, synchronous=NORMAL)");
        var server = PostgresServer.FromEnvironment(postgres);
        var template = await PostgresTemplate.FromSqliteAsync(server, sqliteTemplate);
        return new StoreFactory(() => new PostgresRunStore(server, template),
            $"PostgreSQL {server.Version()} (fsync={server.Setting("fsync")}, synchronous_commit={server.Setting("synchronous_commit")})");
    }

    /// <summary>Trains once into an empty database (the server does it on first start) and keeps it as the template.</summary>
    internal static async Task<string> TemplateAsync(string serverDll, string data, HttpClient client)
    {
        var template = TemplatePath(data);
        if (File.Exists(template)) return template;
        Progress($"no trained template yet: starting the server on an empty database to train ({template})");
        var fresh = Path.Combine(WorkFolder, $"training-{Guid.NewGuid():N}.db");
        var store = new Dictionary<string, string> { ["ConnectionStrings__Botshop"] = $"Data Source={fresh}" };
        await using (var fake = await FakeSlackApi.StartAsync())
        await using (var server = ServerProcess.Start(serverDll, data, store, "unused-secret", fake.ApiBase))
            // Training takes about 2.5 minutes on an idle 2-core machine, and several times that on a loaded one.
            await server.WaitReadyAsync(client, TimeSpan.FromMinutes(20));
        // The server has shut down gracefully, so the file (plus any WAL) is complete.
        foreach (var suffix in new[] { "", "-wal" })
            if (File.Exists(fresh + suffix)) File.Move(fresh + suffix, template + suffix);
        Delete(fresh);
        return template;
    }

    private static async Task<List<StepResult>> StepAsync(SlackLoadOptions options, string serverDll, string data, StoreFactory stores,
        HttpClient client, int rate, int run)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var store = stores.Create();
        await using var fake = await FakeSlackApi.StartAsync();
        await using var server = ServerProcess.Start(serverDll, data, store.ServerSettings, secret, fake.ApiBase);
        Progress($"rate {rate}/s run {run}: server pid {server.Pid} on {store.Provider} starting");
        await server.WaitReadyAsync(client, TimeSpan.FromMinutes(3));

        var step = new LoadStep(client, server, store, fake, new SignedSlackEvents(secret, $"r{rate}n{run}x"), rate, run, options.Seconds);
        var slackWired = await step.ProbeSlackAsync();
        if (!slackWired)
            Progress("POST /slack/events answers 404: the Slack endpoint is not wired into this server build; measuring /healthz only");

        await step.WarmUpAsync(options.WarmupSeconds, slackWired);
        var results = new List<StepResult> { await step.MeasureHealthAsync() };
        if (slackWired) results.Add(await step.MeasureEventsAsync(AnswerWait));
        if (server.LogLines > 0)
            Progress($"server wrote {server.LogLines} warning/error lines; last ones:\n{server.RecentLog()}");
        return results;
    }
}
