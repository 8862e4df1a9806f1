using Botshop.Hosting;
using Botshop.Storage;
using Botshop.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Hosting.Tests;

/// <summary>
/// One process's services (AddBotshopCore, as the server and the CLI register them) over a shared test database:
/// two of them stand in for two replicas, or a replica and the CLI.
/// </summary>
public sealed class Replica : IAsyncDisposable
{
    public static readonly string HashKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly ServiceProvider _services;

    private Replica(ServiceProvider services) => _services = services;

    public static async Task<Replica> StartAsync(TestDatabase db, string? hashKey = null, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.Options.Provider,
            ["ConnectionStrings:Botshop"] = db.Options.ConnectionString,
            ["Botshop:UserHashKey"] = hashKey ?? HashKey,
            ["Privacy:RetentionDays"] = "30",
            ["Privacy:PurgeInterval"] = "01:00:00",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddBotshopCore(configuration);
        if (clock is not null) services.AddSingleton(clock);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<BotshopDatabase>().MigrateAsync();
        return new Replica(provider);
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>A fresh database per test and the replicas a test starts on it, all disposed after it.</summary>
public abstract class ReplicaTests<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private readonly List<Replica> _replicas = [];

    protected TDatabase TestDb { get; } = new();
    protected bool IsPostgres => TestDb.Options.Provider == StorageOptions.Postgres;

    protected async Task<Replica> StartReplicaAsync(string? hashKey = null, TimeProvider? clock = null)
    {
        var replica = await Replica.StartAsync(TestDb, hashKey, clock);
        _replicas.Add(replica);
        return replica;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
        await TestDb.DisposeAsync();
    }
}
