using Botshop.Core.Answering;
using Botshop.Core.Conversations;

namespace Botshop.Server.Replies;

/// <summary>
/// A recorded question waiting to be answered, and how to deliver the answer back to its channel. The channel's
/// delivery throws when the platform finally refuses the reply; the worker records that on the message.
/// </summary>
public sealed record ReplyJob(AcceptedMessage Accepted, Func<Reply, long, CancellationToken, Task> DeliverAsync);
