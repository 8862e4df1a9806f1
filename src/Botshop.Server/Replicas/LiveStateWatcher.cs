using System.Globalization;
using Botshop.Core.Answering;
using Botshop.Core.Knowledge;
using Botshop.Hosting;
using Botshop.Server.Health;
using Botshop.Storage;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Replicas;

/// <summary>
/// Keeps this replica serving what the store says: when another process promotes a model version or edits the
/// knowledge, the new one is loaded and swapped in within one poll interval (at once when the store announces it).
/// Each check is one small query (<see cref="StoreStamps"/>); loading happens only when something changed.
/// </summary>
public sealed partial class LiveStateWatcher(
    StoreStamps stamps,
    ModelService models,
    LiveModel liveModel,
    KnowledgeRefresher knowledge,
    StoreChangeSignal signal,
    Readiness readiness,
    IOptions<ModelPollingOptions> options,
    ILogger<LiveStateWatcher> logger)
    : BackgroundService
{
    // The knowledge in memory is at least this version; null until this watcher first loaded it (once, at start,
    // since knowledge loaded before its first check has no version to compare).
    private long? _knowledgeVersion;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        try
        {
            await readiness.WaitAsync(stoppingToken);
            LogWatching(options.Value.PollSeconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                await CatchUpAsync(stoppingToken);
                await signal.WaitAsync(interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CatchUpAsync(CancellationToken ct)
    {
        try
        {
            var stamp = await stamps.ReadAsync(ct);
            if (stamp.ActiveModelId is { } id && id.ToString(CultureInfo.InvariantCulture) != liveModel.Current?.Version)
                await SwapModelAsync(ct);
            if (stamp.KnowledgeVersion != _knowledgeVersion)
                await ReloadKnowledgeAsync(stamp.KnowledgeVersion, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The store may be briefly unreachable (failover, restart): keep serving what is loaded and try again.
            LogCatchUpFailed(e);
        }
    }

    private async Task SwapModelAsync(CancellationToken ct)
    {
        var previous = liveModel.Current?.Version;
        if (await models.LoadActiveAsync(ct)) LogModelSwapped(liveModel.Required.Version, previous);
    }

    // The version is read before the knowledge: a write committing in between is then loaded early, and seen again
    // as a newer version at the next check, never missed.
    private async Task ReloadKnowledgeAsync(long version, CancellationToken ct)
    {
        var loaded = await knowledge.RefreshAsync(ct);
        _knowledgeVersion = version;
        LogKnowledgeReloaded(version, loaded.Postings.Count, loaded.Intents.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching the store for model promotions and knowledge edits every {Seconds} s")]
    private partial void LogWatching(int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving model version {Version} (was {Previous}): activated in the store")]
    private partial void LogModelSwapped(string version, string? previous);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge version {Version} loaded from the store: {Postings} postings, {Intents} intents")]
    private partial void LogKnowledgeReloaded(long version, int postings, int intents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the store for changes failed; serving what is loaded and trying again")]
    private partial void LogCatchUpFailed(Exception e);
}
