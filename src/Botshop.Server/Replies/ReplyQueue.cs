using System.Threading.Channels;

namespace Botshop.Server.Replies;

/// <summary>
/// Webhooks acknowledge at once and leave the answering here. Bounded, so a flood waits for room instead of
/// growing memory without limit.
/// </summary>
public sealed class ReplyQueue
{
    private readonly Channel<ReplyJob> _channel = Channel.CreateBounded<ReplyJob>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ValueTask EnqueueAsync(ReplyJob job, CancellationToken ct) => _channel.Writer.WriteAsync(job, ct);

    public ChannelReader<ReplyJob> Reader => _channel.Reader;

    /// <summary>No more jobs will come (shutting down); the workers finish what is queued.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
