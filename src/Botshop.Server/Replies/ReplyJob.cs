using Botshop.Core.Answering;
using Botshop.Core.Conversations;

namespace Botshop.Server.Replies;

/// <summary>
/// Work for the reply worker: a recorded question to answer and deliver, or (with <see cref="Prepared"/>) a message
/// the bot sends on its own, such as a welcome. Delivery throws when the platform finally refuses; the worker
/// records that on the question's message.
/// </summary>
public sealed record ReplyJob(string Channel, AcceptedMessage? Accepted, Func<Reply, long?, CancellationToken, Task> DeliverAsync, Reply? Prepared = null)
{
    public static ReplyJob Answer(AcceptedMessage accepted, Func<Reply, long?, CancellationToken, Task> deliver) =>
        new(accepted.Message.Channel, accepted, deliver);

    public static ReplyJob Send(string channel, Reply reply, Func<Reply, long?, CancellationToken, Task> deliver) =>
        new(channel, null, deliver, reply);
}
