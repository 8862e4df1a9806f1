using Botshop.Storage;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Replicas;

/// <summary>
/// On PostgreSQL, listens for changes other replicas commit (a promotion, a knowledge edit) and wakes the
/// <see cref="LiveStateWatcher"/> at once; a dropped connection is reopened after one poll interval, polling
/// covering the gap. On SQLite there is nothing to listen to and this does nothing.
/// </summary>
public sealed partial class StoreChangeListener(
    StoreChangeFeed feed,
    StoreChangeSignal signal,
    IOptions<ModelPollingOptions> options,
    ILogger<StoreChangeListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!feed.IsSupported) return;
        var retry = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Once listening, check at once: whatever committed while the listener was down was not announced to it.
                await feed.ListenAsync(_ => signal.Raise(), () =>
                {
                    LogListening();
                    signal.Raise();
                }, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogListenFailed(e, retry.TotalSeconds);
                try { await Task.Delay(retry, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for store changes (PostgreSQL notifications)")]
    private partial void LogListening();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for store changes failed; polling only until it is retried in {Seconds} s")]
    private partial void LogListenFailed(Exception e, double seconds);
}
