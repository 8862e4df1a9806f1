using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Replies;

/// <summary>
/// Answers queued questions and delivers the replies. On shutdown it stops taking webhooks' work only after the
/// queue is drained, so an acknowledged question is still answered.
/// </summary>
public sealed partial class ReplyWorker(
    ReplyQueue queue,
    ConversationService conversations,
    Health.Readiness readiness,
    IOptions<BotshopOptions> options,
    ILogger<ReplyWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Replies run to completion even when the host is stopping: draining is the point of graceful shutdown.
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.ReplyWorkers)).Select(_ => RunAsync());
        return Task.WhenAll(workers);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        // Questions acknowledged while the first model trains wait here rather than fail.
        await readiness.WaitAsync(CancellationToken.None);
        await foreach (var job in queue.Reader.ReadAllAsync(CancellationToken.None))
            await ProcessAsync(job);
    }

    private async Task ProcessAsync(ReplyJob job)
    {
        // A reply decided at acceptance (forget-me) has no recorded message to answer or mark.
        if (job.Accepted is null || job.Accepted.Immediate is not null)
        {
            await SendPreparedAsync(job);
            return;
        }
        var id = job.Accepted.MessageId;
        Reply reply;
        try
        {
            reply = await conversations.ReplyAsync(job.Accepted, CancellationToken.None);
        }
        catch (Exception e)
        {
            // A bug, not a platform refusal: keep it on the message so the question is not lost silently.
            LogAnswerFailed(e, id, job.Channel);
            await RecordSafelyAsync(id, false, "answer failed: " + e.GetType().Name);
            return;
        }
        try
        {
            await job.DeliverAsync(reply, id, CancellationToken.None);
            await RecordSafelyAsync(id, true, null);
        }
        catch (Exception e)
        {
            // Whatever the platform or network did, the reply is recorded as undelivered with its reason.
            LogDeliveryFailed(id, job.Channel, e.Message);
            await RecordSafelyAsync(id, false, e.Message);
        }
    }

    private async Task SendPreparedAsync(ReplyJob job)
    {
        try { await job.DeliverAsync(job.Prepared ?? job.Accepted!.Immediate!, null, CancellationToken.None); }
        catch (Exception e) { LogSendFailed(job.Channel, e.Message); }
    }

    private async Task RecordSafelyAsync(long id, bool delivered, string? error)
    {
        try { await conversations.RecordDeliveryAsync(id, delivered, error, CancellationToken.None); }
        catch (Exception e) { LogRecordFailed(e, id); }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message the bot sent on its own on {Channel} was not delivered: {Reason}")]
    private partial void LogSendFailed(string channel, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering message {MessageId} from {Channel} failed")]
    private partial void LogAnswerFailed(Exception e, long messageId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply to message {MessageId} on {Channel} was not delivered: {Reason}")]
    private partial void LogDeliveryFailed(long messageId, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the delivery of message {MessageId} failed")]
    private partial void LogRecordFailed(Exception e, long messageId);
}
