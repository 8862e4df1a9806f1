using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Botshop.Benchmarks.Load;
using Botshop.Core.Models;
using Botshop.Storage;
using static Botshop.Benchmarks.Load.LoadEnvironment;

namespace Botshop.Benchmarks.ModelSwitch;

/// <summary>
/// The model-switch mode (docs/benchmarks.md, "From promote to the new model answering"): a real server on a fresh
/// copy of the trained store, plus a second stored version of the same model with a decision threshold so high that a
/// probe question the first version answers is declined by it. A signed-in recruiter then promotes the two versions in
/// turn through the workspace's confirmation form while the web chat is asked the probe back to back; each switch is
/// timed from the POST being sent to the first probe answer that changed. With --replica, a second server on the same
/// store is probed too (it learns of the switch from the store: polling, or LISTEN/NOTIFY on PostgreSQL). A steady
/// stream of chat questions to every server runs throughout, and every response that is not a 200 is counted.
/// </summary>
public static class ModelSwitchRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = ModelSwitchOptions.Parse(args);
        var repo = RepositoryRoot();
        var data = Path.Combine(repo, "data");
        Directory.CreateDirectory(WorkFolder);
        var serverDll = ServerDll(repo, options.ServerDll);
        using var client = OpenLoopGenerator.CreateClient();
        var template = options.Database ?? await SlackLoadRun.TemplateAsync(serverDll, data, client);
        var stores = await SlackLoadRun.StoresAsync(options.Store, options.Postgres, template);
        var loadBefore = File.ReadAllText("/proc/loadavg").Trim();

        await using var store = stores.Create();
        var (first, second) = await AddDecliningVersionAsync(store.Options);
        var settings = new Dictionary<string, string>(store.ServerSettings.Concat(AdminBrowser.BootstrapSettings))
        {
            ["Models__PollSeconds"] = options.PollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var fake = await FakeSlackApi.StartAsync();
        var secret = Guid.NewGuid().ToString("n");
        await using var a = ServerProcess.Start(serverDll, data, settings, secret, fake.ApiBase);
        await a.WaitReadyAsync(client, TimeSpan.FromMinutes(3));
        // The second replica starts after the first has created the account, as a rolling deployment would.
        await using var b = options.Replica ? ServerProcess.Start(serverDll, data, settings, secret, fake.ApiBase) : null;
        if (b is not null) await b.WaitReadyAsync(client, TimeSpan.FromMinutes(3));
        var servers = b is null ? new[] { a } : [a, b];

        var posting = await FirstPostingAsync(client, a.BaseUri);
        var chats = servers.Select(s => new WebChat(client, s.BaseUri, posting)).ToArray();
        var probe = await ProbeAsync(chats[0]);
        Progress($"probe question: \"{probe}\"; versions {first} (active) and {second} (declines it); {options.Switches} switches");
        using var browser = await AdminBrowser.SignInAsync(a.BaseUri);

        using var stop = new CancellationTokenSource();
        var streams = chats.Select(c => c.StreamAsync(SignedSlackEvents.Questions, options.StreamRate, stop.Token)).ToArray();
        var switches = new List<SwitchSample>();
        var probeFailures = new List<int>();
        var (from, to) = (first, second);
        for (var i = 0; i < options.Switches; i++)
        {
            var before = (await chats[0].AskAsync(probe)).Fingerprint;
            switches.Add(await SwitchAsync(browser, chats, probe, before, to, probeFailures));
            (from, to) = (to, from);
            // The stream alone for a moment between switches. With a polling replica, a random part too: a fixed pause
            // would lock every switch to the same phase of the replica's poll and measure that phase, not the average.
            await Task.Delay(TimeSpan.FromMilliseconds(500 + (b is null ? 0 : Random.Shared.NextDouble() * options.PollSeconds * 1000)));
        }
        stop.Cancel();
        var streamed = await Task.WhenAll(streams);
        var report = new SwitchReport(store.Provider, options, File.ReadAllText("/proc/loadavg").Trim(), loadBefore, switches, streamed, probeFailures);
        if (options.Json) Console.WriteLine(JsonSerializer.Serialize(report.Summary(), new JsonSerializerOptions { WriteIndented = true, IncludeFields = true }));
        else report.WriteTable(Console.Out);
        return switches.All(s => s.Seen.All(t => t is not null)) && streamed.All(s => s.NotOk == 0) ? 0 : 1;
    }

    /// <summary>
    /// Stores the active version again with a decision threshold of 0.999: the same classifier bytes (so the switch
    /// loads exactly as much as a real retrained version would) answering differently.
    /// </summary>
    private static async Task<(long Active, long Declining)> AddDecliningVersionAsync(StorageOptions options)
    {
        await using var db = new BotshopDatabase(options);
        await db.MigrateAsync();
        var models = new ModelVersionStore(db);
        var (active, bytes) = await models.GetActiveAsync(default) ?? throw new InvalidOperationException("the store holds no active model");
        var declining = active with
        {
            Threshold = 0.999f, Status = ModelStatus.Candidate, CreatedBy = "bench", CreatedAt = DateTimeOffset.UtcNow, Gate = null,
        };
        return (active.Id, await models.SaveAsync(declining, bytes, activate: false, default));
    }

    private static async Task<string> FirstPostingAsync(HttpClient client, Uri server)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri(server, "api/chat/postings")));
        return doc.RootElement[0].GetProperty("id").GetString()!;
    }

    /// <summary>The first of the load test's questions the active version answers with a confidence the declining one refuses.</summary>
    private static async Task<string> ProbeAsync(WebChat chat)
    {
        foreach (var question in SignedSlackEvents.Questions)
        {
            var answer = await chat.AskAsync(question);
            if (answer.Fingerprint.StartsWith("Answered/", StringComparison.Ordinal) && answer.Confidence < 0.999f) return question;
        }
        throw new InvalidOperationException("no probe question is answered by the active version");
    }

    private static async Task<SwitchSample> SwitchAsync(AdminBrowser browser, WebChat[] chats, string probe, string before, long to,
        List<int> probeFailures)
    {
        long sent = 0;
        Task<WebChat.Answer?>[] watchers = [];
        var response = await browser.PostFormAsync($"admin/models/{to}/promote", beforePost: () =>
        {
            sent = Stopwatch.GetTimestamp();
            // Probing starts with the POST, so the first changed answer is seen within one probe round trip.
            watchers = chats.Select(c => c.WaitForChangeAsync(probe, before, Patience, probeFailures)).ToArray();
        });
        var posted = Stopwatch.GetTimestamp();
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"promote {to}: HTTP {(int)response.StatusCode}");
        response.Dispose();
        var seen = await Task.WhenAll(watchers);
        return new SwitchSample(to, Ms(sent, posted), seen.Select(s => s is { } answer ? Ms(sent, answer.EndTicks) : (double?)null).ToArray());
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>One switch: the POST's round trip, and per server when the new answer was first seen (null: never, within the patience).</summary>
public sealed record SwitchSample(long To, double PostMs, double?[] Seen);
