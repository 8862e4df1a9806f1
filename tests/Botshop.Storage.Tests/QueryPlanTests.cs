using Botshop.Storage.Conversations;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

/// <summary>
/// The conversations list reads its rows from an index in keyset order (no sort of the matches), and the open inbox
/// is counted from the partial indexes of migration 0003: the plans say so, on each engine, whatever the (tiny) data.
/// PostgreSQL plans by statistics, so it is asked to avoid sequential scans and sorts it could avoid.
/// </summary>
public abstract class QueryPlanTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    public static TheoryData<string> OrderedFilters => new()
    {
        "none", "posting", "channel", "date range", "answered", "confidence", "thumbs down", "search", "cursor",
    };

    private static (MessageFilter, MessageCursor?) Filter(string name) => name switch
    {
        "none" => (new MessageFilter(), null),
        "posting" => (new MessageFilter { PostingId = "p" }, null),
        "channel" => (new MessageFilter { Channel = "slack" }, null),
        "date range" => (new MessageFilter { From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.UnixEpoch.AddDays(7) }, null),
        "answered" => (new MessageFilter { Outcome = MessageOutcome.Answered }, null),
        "confidence" => (new MessageFilter { ConfidenceBelow = 0.3 }, null),
        "thumbs down" => (new MessageFilter { ThumbsDownOnly = true }, null),
        "search" => (new MessageFilter { Search = "visa" }, null),
        "cursor" => (new MessageFilter { PostingId = "p" }, new MessageCursor(1000, 5)),
        _ => throw new ArgumentException(name),
    };

    private bool IsPostgres => Db.Provider == StorageOptions.Postgres;

    private async Task<string> PlanAsync(string sql, object? parameters)
    {
        await using var connection = await Db.OpenAsync();
        if (IsPostgres) await connection.ExecuteAsync("SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off");
        var rows = IsPostgres
            ? await connection.QueryAsync<string>("EXPLAIN " + sql, parameters)
            : (await connection.QueryAsync("EXPLAIN QUERY PLAN " + sql, parameters)).Select(r => (string)r.detail);
        return string.Join('\n', rows);
    }

    [Theory]
    [MemberData(nameof(OrderedFilters))]
    public async Task A_list_page_reads_an_index_in_keyset_order(string filter)
    {
        var (f, cursor) = Filter(filter);
        var (sql, parameters) = new ConversationQuery(Db).Build(f, cursor, PageDirection.Older, 51);

        var plan = await PlanAsync(sql, parameters);

        if (IsPostgres)
        {
            Assert.DoesNotContain("Sort", plan);
            Assert.DoesNotContain("Seq Scan on messages", plan);
        }
        else
        {
            Assert.DoesNotContain("TEMP B-TREE FOR ORDER BY", plan);
            Assert.Contains("USING", plan);
        }
    }

    [Theory]
    [InlineData(OpenInbox.HandedOffIndex, OpenInbox.HandedOff)]
    [InlineData(OpenInbox.UnsureIndex, OpenInbox.Unsure)]
    public async Task The_open_inbox_is_counted_from_its_partial_index(string index, string condition)
    {
        var hint = IsPostgres ? "" : $"INDEXED BY {index}";

        // SQLite refuses an INDEXED BY it cannot use ("no query solution"), so planning at all proves the match.
        var plan = await PlanAsync($"SELECT COUNT(*) FROM messages m {hint} WHERE {condition}", new { LowConfidence = 0.5 });

        Assert.Contains(index, plan);
    }
}
