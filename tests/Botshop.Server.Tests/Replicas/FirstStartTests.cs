using Botshop.Server.Tests.Infrastructure;
using Botshop.Storage;
using Botshop.Testing;

namespace Botshop.Server.Tests.Replicas;

// In the replicas' collection: never beside their first start, both training at once on a busy machine.
[Collection(TwoReplicaCollection.Name)]
public sealed class FirstStartTests
{
    [Fact]
    public async Task Replicas_starting_together_on_an_empty_store_seed_and_train_once()
    {
        using var postgres = new PostgresScratchDatabase();
        var data = TestKnowledge.WriteDataFolder(Directory.CreateTempSubdirectory("botshop-first-start-").FullName);
        var store = new Dictionary<string, string>
        {
            ["Database__Provider"] = StorageOptions.Postgres,
            ["ConnectionStrings__Botshop"] = postgres.ConnectionString,
        };
        var starting = Enumerable.Range(0, 2).Select(_ => ServerProcess.StartOnStoreAsync(store, data)).ToList();
        try
        {
            // Both become ready: the one that waited loaded what the other stored.
            var servers = await Task.WhenAll(starting);

            await using var db = new BotshopDatabase(new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = postgres.ConnectionString });
            var version = Assert.Single(await new ModelVersionStore(db).ListAsync(default));
            Assert.True(version.IsActive);
            Assert.Single(servers, s => s.Log.Contains("No model stored yet: training the first one", StringComparison.Ordinal));
            // Nothing failed on the way, not even Data Protection reading its key ring before the store had its tables.
            Assert.All(servers, s => Assert.DoesNotContain("fail: ", s.Log, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var server in starting.Where(s => s.IsCompletedSuccessfully)) await (await server).DisposeAsync();
            TrainedTemplate.DeleteQuietly(Path.GetDirectoryName(data)!);
        }
    }
}
