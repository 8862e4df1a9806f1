namespace Botshop.Server.Health;

/// <summary>Completes once the store is migrated and a model is served; background work waits for it.</summary>
public sealed class Readiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public Task WaitAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    public void MarkReady() => _ready.TrySetResult();
}
