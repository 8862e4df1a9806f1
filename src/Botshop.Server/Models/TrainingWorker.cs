using Botshop.Hosting.Models;
using Botshop.Server.Health;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Models;

/// <summary>
/// The server's training worker: once the server is ready it runs queued training jobs one after another (claimed
/// atomically, so across replicas each job runs once), wakes at once for a job requested on this replica, polls for
/// the others', and queues scheduled retrains when Models:RetrainEvery is set.
/// </summary>
public sealed partial class TrainingWorker(
    TrainingJobProcessor processor,
    RetrainSchedule schedule,
    TrainingSignal signal,
    Readiness readiness,
    IOptions<ModelsOptions> options,
    TimeProvider time,
    ILogger<TrainingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var every = options.Value.RetrainEvery;
        var nextCheck = time.GetUtcNow() + (every ?? TimeSpan.Zero);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (every is not null && time.GetUtcNow() >= nextCheck)
                {
                    nextCheck = time.GetUtcNow() + every.Value;
                    if (await schedule.CheckAsync(stoppingToken) is { } queued) LogScheduled(queued.Id);
                }
                while (await processor.RunNextAsync(stoppingToken) is not null)
                {
                    // Drain: several jobs may have queued while one trained.
                }
                await signal.WaitAsync(NextWait(every, nextCheck), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The store may be briefly unreachable: keep the worker alive and try again after a poll interval.
                LogLoopFailed(e);
                try { await Task.Delay(options.Value.PollInterval, time, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    private TimeSpan NextWait(TimeSpan? every, DateTimeOffset nextCheck)
    {
        var poll = options.Value.PollInterval;
        if (every is null) return poll;
        var untilCheck = nextCheck - time.GetUtcNow();
        return untilCheck < TimeSpan.Zero ? TimeSpan.Zero : untilCheck < poll ? untilCheck : poll;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training data changed since the last version: retrain queued as job {Job}")]
    private partial void LogScheduled(long job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training worker: looking for jobs failed; trying again")]
    private partial void LogLoopFailed(Exception e);
}
