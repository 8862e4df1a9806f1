using Botshop.Hosting.Privacy;
using Botshop.Server.Health;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Privacy;

/// <summary>
/// Applies Privacy:RetentionDays in the background. Every replica looks several times per Privacy:PurgeInterval;
/// the store's claim lets exactly one of them purge per interval.
/// </summary>
public sealed partial class RetentionPurgeService(
    RetentionRunner runner,
    Readiness readiness,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<RetentionPurgeService> logger) : PeriodicAfterReadyService(readiness, time)
{
    // Looking more often than the interval keeps timer jitter from skipping a whole interval.
    protected override TimeSpan Interval => LookEvery(options.Value.PurgeInterval);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            var result = await runner.RunIfDueAsync(ct);
            if (result is { Messages: > 0 } or { Conversations: > 0 })
                LogPurged(result.Messages, result.Feedback, result.RecruiterReplies, result.Conversations, options.Value.RetentionDays);
            else if (result is not null)
                LogNothingDue(options.Value.RetentionDays);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Kept for the next look: a failed batch rolled back, and what is due stays due.
            LogFailed(e);
        }
    }

    public static TimeSpan LookEvery(TimeSpan interval) =>
        TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 4, TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromMinutes(1).Ticks));

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge: {Messages} messages, {Feedback} votes, {Replies} recruiter replies and {Conversations} conversations older than {Days} days deleted")]
    private partial void LogPurged(int messages, int feedback, int replies, int conversations, int days);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention purge: nothing older than {Days} days")]
    private partial void LogNothingDue(int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge failed; it is tried again at the next look")]
    private partial void LogFailed(Exception e);
}
