namespace Botshop.Hosting.Models;

/// <summary>Wakes this process's training worker when a job is requested here, instead of waiting for its next poll.</summary>
public sealed class TrainingSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up: the worker drains the whole queue each time it wakes.
        try { _signal.Release(); }
        catch (SemaphoreFullException) { }
    }

    /// <summary>Returns when notified or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
