using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Botshop.Storage;
using Botshop.Storage.Conversations;
using Dapper;

namespace Botshop.Benchmarks.Conversations;

/// <summary>
/// The workspace's reads on a seeded store (seed-messages; the store comes from BOTSHOP_BENCH_DB or
/// BOTSHOP_BENCH_POSTGRES): one 50-row page of the conversations list per scenario, a thread, the overview counts.
/// The time is the server's share of a page: query and mapping, no HTML.
/// </summary>
[Config(typeof(QueryBenchmarkConfig))]
public class ConversationQueryBenchmarks
{
    private BotshopDatabase _db = null!;
    private ConversationQuery _query = null!;
    private MessageCursor _deep;
    private DateTimeOffset _newest;
    private long _conversation;

    public static IEnumerable<string> Scenarios =>
    [
        "first page", "deep page", "posting", "channel", "date range", "answered", "declined", "confidence < 0.2", "thumbs down",
        "posting + declined", $"search '{MessageCorpus.CommonWord}'", $"search '{MessageCorpus.RareWord}'", $"search '{MessageCorpus.AbsentWord}'",
    ];

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _db = new BotshopDatabase(BenchStore.FromEnvironment());
        await _db.MigrateAsync(); // a store seeded before a later migration gets its indexes here, once
        _query = new ConversationQuery(_db);
        await using var connection = await _db.OpenAsync();
        var total = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM messages");
        // The cursor of the row half-way down the list: as deep as paging by hand could ever go, and deeper.
        var (at, id) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT received_at, id FROM messages ORDER BY received_at DESC, id DESC LIMIT 1 OFFSET @Offset", new { Offset = total / 2 });
        _deep = new MessageCursor(at, id);
        _newest = DateTimeOffset.FromUnixTimeMilliseconds(await connection.ExecuteScalarAsync<long>("SELECT MAX(received_at) FROM messages"));
        _conversation = await connection.ExecuteScalarAsync<long>("SELECT conversation_id FROM messages WHERE id = @Id", new { Id = id });
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _db.DisposeAsync().AsTask();

    [Benchmark(Description = "conversations page")]
    public Task<MessagePage> Page()
    {
        var (filter, cursor) = Filter(Scenario);
        return _query.ListAsync(filter, cursor, PageDirection.Older, ConversationQuery.DefaultPageSize, default);
    }

    private (MessageFilter, MessageCursor?) Filter(string scenario) => scenario switch
    {
        "first page" => (new MessageFilter(), null),
        "deep page" => (new MessageFilter(), _deep),
        "posting" => (new MessageFilter { PostingId = MessageCorpus.Posting(7) }, null),
        "channel" => (new MessageFilter { Channel = "msteams" }, null),
        "date range" => (new MessageFilter { From = _newest.AddDays(-67), To = _newest.AddDays(-60) }, null),
        "answered" => (new MessageFilter { Outcome = MessageOutcome.Answered }, null),
        "declined" => (new MessageFilter { Outcome = MessageOutcome.Declined }, null),
        "confidence < 0.2" => (new MessageFilter { ConfidenceBelow = 0.2 }, null),
        "thumbs down" => (new MessageFilter { ThumbsDownOnly = true }, null),
        "posting + declined" => (new MessageFilter { PostingId = MessageCorpus.Posting(7), Outcome = MessageOutcome.Declined }, null),
        _ when scenario.StartsWith("search '", StringComparison.Ordinal) => (new MessageFilter { Search = scenario[8..^1] }, null),
        _ => throw new ArgumentException(scenario),
    };
}

/// <summary>The thread page and the overview counts on the same seeded store.</summary>
[Config(typeof(QueryBenchmarkConfig))]
public class WorkspaceReadBenchmarks
{
    private BotshopDatabase _db = null!;
    private ConversationQuery _query = null!;
    private OverviewQuery _overview = null!;
    private DateTimeOffset _newest;
    private long _conversation;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _db = new BotshopDatabase(BenchStore.FromEnvironment());
        await _db.MigrateAsync();
        _query = new ConversationQuery(_db);
        _overview = new OverviewQuery(_db);
        await using var connection = await _db.OpenAsync();
        _newest = DateTimeOffset.FromUnixTimeMilliseconds(await connection.ExecuteScalarAsync<long>("SELECT MAX(received_at) FROM messages"));
        _conversation = await connection.ExecuteScalarAsync<long>("SELECT MAX(id) / 2 FROM conversations");
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _db.DisposeAsync().AsTask();

    /// <summary>The floor: one trivial query on an open connection, to read the others against on a busy machine.</summary>
    [Benchmark(Description = "SELECT 1 (floor)")]
    public async Task<long> Floor()
    {
        await using var connection = await _db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT 1");
    }

    [Benchmark(Description = "thread page")]
    public Task<ConversationThread?> Thread() => _query.ThreadAsync(_conversation, null, default);

    [Benchmark(Description = "overview counts (7 days, open inbox)")]
    public Task<WorkspaceOverview> Overview() => _overview.GetAsync(_newest.AddDays(-7), 0.5, default);
}

/// <summary>Short runs in process, reporting the median and 95th percentile.</summary>
public sealed class QueryBenchmarkConfig : ManualConfig
{
    public QueryBenchmarkConfig()
    {
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        // In process: the query is the subject, and building a separate benchmark program on a shared 2-core
        // machine outran BenchmarkDotNet's build timeout.
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
