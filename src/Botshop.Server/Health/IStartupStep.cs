namespace Botshop.Server.Health;

/// <summary>Work a channel needs done once the store is ready and before the server reports ready.</summary>
public interface IStartupStep
{
    Task RunAsync(CancellationToken ct);
}
