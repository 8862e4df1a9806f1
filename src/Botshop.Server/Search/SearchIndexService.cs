using Botshop.Server.Health;
using Botshop.Storage.Conversations;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Search;

/// <summary>
/// Adds newly logged questions to the search index every Search:IndexEvery (SQLite; nothing to do on PostgreSQL).
/// Every replica may run it: each batch is one write that reads the index's mark inside it, so two replicas never
/// index a question twice, they only find less left to do.
/// </summary>
public sealed partial class SearchIndexService(
    QuestionSearchIndex index,
    Readiness readiness,
    IOptions<SearchOptions> options,
    TimeProvider time,
    ILogger<SearchIndexService> logger) : PeriodicAfterReadyService(readiness, time)
{
    protected override TimeSpan Interval => options.Value.IndexEvery;

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            var added = await index.CatchUpAsync(ct);
            if (added > 0) LogIndexed(added);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing is lost: the rows stay above the mark, searches still test them, the next round retries.
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search index: {Count} questions added")]
    private partial void LogIndexed(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index update failed; it is tried again at the next round")]
    private partial void LogFailed(Exception e);
}
