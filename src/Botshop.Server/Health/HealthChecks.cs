using Botshop.Core.Answering;
using Botshop.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Botshop.Server.Health;

/// <summary>Ready when the store answers a query.</summary>
public sealed class StoreHealthCheck(BotshopDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy($"{database.Provider} store reachable");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} store unreachable: {e.GetType().Name}");
        }
    }
}

/// <summary>Ready when a model version is loaded and being served.</summary>
public sealed class ModelHealthCheck(LiveModel model, Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(model.Current is { } active && readiness.IsReady
            ? HealthCheckResult.Healthy($"model version {active.Version} loaded")
            // Degraded, not Unhealthy: starting up is expected, and /readyz still answers 503 for it.
            : HealthCheckResult.Degraded("no model loaded yet"));
}
