using System.Text.Json;
using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests;

public abstract class AuditLogTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private AuditLog Log => new(Db, TimeProvider.System);

    [Fact]
    public async Task Entries_come_back_newest_first_with_actor_and_json_detail()
    {
        await Log.RecordAsync("ana", "answer.update", "office_days/london", new { before = "3 days", after = "4 days" }, default);
        await Log.RecordAsync("cli", "model.promote", "model/7", null, default);

        var entries = await Log.RecentAsync(10, null, default);

        Assert.Equal(["model.promote", "answer.update"], entries.Select(e => e.Action));
        var update = entries[1];
        Assert.Equal(("ana", "office_days/london"), (update.Actor, update.Subject));
        Assert.Equal("4 days", JsonDocument.Parse(update.Detail!).RootElement.GetProperty("after").GetString());
        Assert.Null(entries[0].Detail);
        Assert.True(entries[0].Id > update.Id);
    }

    [Fact]
    public async Task Subject_prefix_filters_literally()
    {
        await Log.RecordAsync("ana", "example.add", "office_days", null, default);
        await Log.RecordAsync("ana", "example.add", "office%days", null, default);
        await Log.RecordAsync("ana", "example.add", "officeXdays", null, default);

        var entries = await Log.RecentAsync(10, "office_", default);

        Assert.Equal(["office_days"], entries.Select(e => e.Subject));
    }

    [Fact]
    public async Task Limit_is_honoured()
    {
        for (var i = 0; i < 5; i++) await Log.RecordAsync("ana", "example.add", $"s{i}", null, default);
        Assert.Equal(["s4", "s3"], (await Log.RecentAsync(2, null, default)).Select(e => e.Subject));
    }
}
