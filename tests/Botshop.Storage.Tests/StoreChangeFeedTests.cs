using System.Threading.Channels;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

/// <summary>PostgreSQL announces committed model switches and knowledge edits to every listening process.</summary>
public sealed class PostgresStoreChangeFeedTests : StoreTests<PostgresTestDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Listener_hears_each_committed_switch_and_edit_of_another_process_and_nothing_else()
    {
        var heard = Channel.CreateUnbounded<StoreChange>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var listener = new StoreChangeFeed(Db).ListenAsync(c => heard.Writer.TryWrite(c), listening.SetResult, stop.Token);
        await listening.Task.WaitAsync(Patience);
        var other = ConnectAgain();
        var models = new ModelVersionStore(other);
        var knowledge = new KnowledgeStore(other);

        var id = await models.SaveAsync(SampleModels.Version("A"), [1], activate: true, default);
        await models.SaveAsync(SampleModels.Version("B"), [2], activate: false, default);      // not served: silent
        await Assert.ThrowsAsync<KeyNotFoundException>(() => models.ActivateAsync(id + 100, default)); // rolled back
        await models.ActivateAsync(id, default);
        await knowledge.BumpVersionAsync(default);

        var received = new List<StoreChange>();
        for (var i = 0; i < 3; i++) received.Add(await heard.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        Assert.Equal([StoreChange.Model, StoreChange.Model, StoreChange.Knowledge], received);
        // Announcements arrive in commit order, so one more change proves nothing else was queued before it.
        await knowledge.BumpVersionAsync(default);
        Assert.Equal(StoreChange.Knowledge, await heard.Reader.ReadAsync().AsTask().WaitAsync(Patience));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listener);
    }

    [Fact]
    public async Task First_start_lock_admits_one_process_at_a_time()
    {
        var first = await Db.HoldFirstStartLockAsync(default);
        var second = ConnectAgain().HoldFirstStartLockAsync(default);
        await WaitUntilSomeoneWaitsForTheLockAsync();

        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await (await second.WaitAsync(Patience)).DisposeAsync();
    }

    [Fact]
    public async Task Waiting_for_the_first_start_lock_outlasts_the_command_timeout()
    {
        var oneSecond = new Npgsql.NpgsqlConnectionStringBuilder(TestDb.Options.ConnectionString) { CommandTimeout = 1 }.ToString();
        await using var impatient = new BotshopDatabase(new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = oneSecond });
        var first = await Db.HoldFirstStartLockAsync(default);
        var second = impatient.HoldFirstStartLockAsync(default);
        await WaitUntilSomeoneWaitsForTheLockAsync();

        // Longer than the waiter's command timeout: the wait must not have failed on it.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(second.IsCompleted, second.Exception?.ToString());
        await first.DisposeAsync();
        await (await second.WaitAsync(Patience)).DisposeAsync();
    }

    // State, not time: PostgreSQL lists a session blocked on the advisory lock as an ungranted lock in this database.
    private async Task WaitUntilSomeoneWaitsForTheLockAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var connection = await Db.OpenAsync();
        while (await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND objid = @Key
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, new { Key = (int)StoreLock.FirstStart }) == 0)
            await Task.Delay(20, timeout.Token);
    }
}

/// <summary>SQLite has nothing to announce with: replicas on it learn of changes by polling the stamp.</summary>
public sealed class SqliteStoreChangeFeedTests : StoreTests<SqliteTestDatabase>
{
    [Fact]
    public async Task Feed_says_it_is_unsupported_and_refuses_to_listen()
    {
        var feed = new StoreChangeFeed(Db);

        Assert.False(feed.IsSupported);
        await Assert.ThrowsAsync<NotSupportedException>(() => feed.ListenAsync(_ => { }, () => { }, default));
    }
}
