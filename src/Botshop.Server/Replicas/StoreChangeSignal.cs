using System.Threading.Channels;

namespace Botshop.Server.Replicas;

/// <summary>Wakes the watcher when a change is announced, so it need not wait for its next poll.</summary>
public sealed class StoreChangeSignal
{
    // One pending wake-up is enough: the watcher reads the whole stamp, whatever changed and however often.
    private readonly Channel<bool> _raised = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Raise() => _raised.Writer.TryWrite(true);

    /// <summary>Returns when raised or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            await _raised.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval passed without an announcement.
        }
    }
}
