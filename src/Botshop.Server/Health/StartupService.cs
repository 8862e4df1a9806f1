using Botshop.Hosting;

namespace Botshop.Server.Health;

/// <summary>
/// Loads the store and the model in the background, so the server listens (and /healthz answers) at once while
/// /readyz reports "not ready" until the first model, trained on first start if none is stored, is served.
/// </summary>
public sealed partial class StartupService(
    BotBootstrapper bootstrapper,
    IEnumerable<IStartupStep> steps,
    Readiness readiness,
    IHostApplicationLifetime lifetime,
    ILogger<StartupService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var knowledge = await bootstrapper.StartAsync(progress: null, stoppingToken);
            foreach (var step in steps) await step.RunAsync(stoppingToken);
            readiness.MarkReady();
            LogReady(knowledge.Postings.Count, knowledge.Intents.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Without store or model the server can only mislead candidates: stop, and let the operator see why.
            LogStartFailed(e);
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready: serving {Postings} postings and {Intents} intents")]
    private partial void LogReady(int postings, int intents);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start-up failed; stopping")]
    private partial void LogStartFailed(Exception e);
}
