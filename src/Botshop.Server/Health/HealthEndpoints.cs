using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Botshop.Server.Health;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>Liveness and readiness paths: infra/ (Dockerfile, Kubernetes probes) names the same ones.</summary>
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";

    /// <summary>/healthz: the process is alive. /readyz: the store is reachable and a model is loaded.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }
}
