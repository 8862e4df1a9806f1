using Botshop.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>
/// What one server or CLI process holds: the services of AddBotshopCore over a store, with the real data folder.
/// Two of them over one store stand in for two replicas (separate connection pools, live models and workers).
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BotProcess(ServiceProvider services) => _services = services;

    public static async Task<BotProcess> StartAsync(ProcessStore store, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = store.Provider,
            ["ConnectionStrings:Botshop"] = store.ConnectionString,
            ["Botshop:DataPath"] = RealData.Folder,
            ["Botshop:UserHashKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            // One trainer: the comparison of two is not what these tests are about, and it halves training time.
            ["Models:Trainers:0"] = "LbfgsMaximumEntropy",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddBotshopCore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await services.GetRequiredService<BotshopDatabase>().MigrateAsync();
        return new BotProcess(services);
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
