namespace Botshop.Server.Health;

/// <summary>
/// A background chore that starts once the server is ready (store migrated, model loaded) and then runs at a fixed
/// interval until shutdown. <see cref="RunOnceAsync"/> handles its own errors: one failed round must not end the loop.
/// </summary>
public abstract class PeriodicAfterReadyService(Readiness readiness, TimeProvider time) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(Interval, time);
            do await RunOnceAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
