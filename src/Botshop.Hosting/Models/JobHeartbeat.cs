using Botshop.Core.Models;
using Botshop.Ml;
using Microsoft.Extensions.Logging;

namespace Botshop.Hosting.Models;

/// <summary>
/// A running job's link to its row. The trainer reports progress here from its own thread and never waits on the
/// store: a loop beside it writes the latest line about once a second and renews the heartbeat at least every
/// <c>heartbeat</c>. When the worker has lost the job (its lease lapsed and another worker took over) or is stopping,
/// the next progress report throws, which ends the training where it is.
/// </summary>
internal sealed partial class JobHeartbeat : IProgress<TrainingProgress>, IAsyncDisposable
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);

    private readonly ITrainingJobStore _jobs;
    private readonly TrainingJob _job;
    private readonly string _worker;
    private readonly IProgress<TrainingProgress>? _observer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cts;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Task _loop;
    private TrainingProgress? _latest;
    private TrainingProgress? _written;
    private long _writtenAt;
    private bool _disposed;

    public JobHeartbeat(ITrainingJobStore jobs, TrainingJob job, string worker, TimeSpan heartbeat,
        IProgress<TrainingProgress>? observer, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        (_jobs, _job, _worker, _observer, _time, _logger) = (jobs, job, worker, observer, time, logger);
        _cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _writtenAt = time.GetTimestamp();
        _loop = Task.Run(() => RunAsync(heartbeat));
    }

    /// <summary>Set once the store said another worker owns the job: nothing more may be written for it.</summary>
    public bool Lost { get; private set; }

    /// <summary>Cancelled when the job is lost or the worker is stopping.</summary>
    public CancellationToken Token => _cts.Token;

    public void Report(TrainingProgress value)
    {
        _cts.Token.ThrowIfCancellationRequested();
        Volatile.Write(ref _latest, value);
        _observer?.Report(value);
    }

    /// <summary>A stage after training (storing, gating): shown at the trainer's last step count.</summary>
    public void ReportStage(string stage)
    {
        var last = Volatile.Read(ref _latest);
        Report(new TrainingProgress(stage, last?.TotalSteps ?? 0, last?.TotalSteps ?? 1));
    }

    /// <summary>Writes the latest progress now and confirms the job is still this worker's; throws if it is not.</summary>
    public async Task ConfirmOwnedAsync()
    {
        await WriteAsync(force: true);
        _cts.Token.ThrowIfCancellationRequested();
    }

    private async Task RunAsync(TimeSpan heartbeat)
    {
        using var timer = new PeriodicTimer(FlushEvery < heartbeat ? FlushEvery : heartbeat, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_cts.Token))
                await WriteAsync(force: _time.GetElapsedTime(Volatile.Read(ref _writtenAt)) >= heartbeat);
        }
        catch (OperationCanceledException)
        {
            // Stopping, or lost: the runner sees the token.
        }
    }

    private async Task WriteAsync(bool force)
    {
        await _writing.WaitAsync(_cts.Token);
        try
        {
            var latest = Volatile.Read(ref _latest);
            if (!force && ReferenceEquals(latest, _written)) return;
            var line = latest ?? new TrainingProgress("Starting", 0, 1);
            bool owned;
            try
            {
                owned = await _jobs.ReportAsync(_job.Id, _worker, line.Stage, line.Step, line.TotalSteps, _cts.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store hiccuped: the lease still runs, the next beat tries again.
                LogHeartbeatFailed(e, _job.Id);
                return;
            }
            _written = latest;
            Volatile.Write(ref _writtenAt, _time.GetTimestamp());
            if (!owned)
            {
                Lost = true;
                LogLost(_job.Id);
                await _cts.CancelAsync();
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _cts.CancelAsync();
        await _loop;
        _cts.Dispose();
        _writing.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {Job}: heartbeat not written")]
    private partial void LogHeartbeatFailed(Exception e, long job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {Job} was taken over by another worker: stopping this run")]
    private partial void LogLost(long job);
}
