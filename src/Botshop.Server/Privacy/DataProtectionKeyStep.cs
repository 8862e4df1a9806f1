using Botshop.Hosting.Privacy;
using Botshop.Server.Health;

namespace Botshop.Server.Privacy;

/// <summary>Before the server is ready, the shared key ring has its key (created once across replicas).</summary>
public sealed class DataProtectionKeyStep(DataProtectionKeyBootstrap bootstrap) : IStartupStep
{
    public Task RunAsync(CancellationToken ct) => bootstrap.EnsureKeyAsync(ct);
}
