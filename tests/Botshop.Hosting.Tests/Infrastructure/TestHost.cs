using Botshop.Core.Answering;
using Botshop.Core.Knowledge;
using Botshop.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>
/// The services a process builds with AddBotshopCore, over a test store and a data folder: migrated and seeded as a
/// start would, without training (tests that need answers train a small model themselves).
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    /// <summary>A fixed pseudonym key, so no test writes a generated one into the user's profile.</summary>
    private static readonly string UserHashKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly ServiceProvider _services;

    private TestHost(ServiceProvider services, string dataFolder)
    {
        _services = services;
        DataFolder = dataFolder;
    }

    public string DataFolder { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public KnowledgeBase Live => Get<LiveKnowledge>().Required;

    public static async Task<TestHost> StartAsync(TestStore store, string dataFolder, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = store.Provider,
            ["ConnectionStrings:Botshop"] = store.ConnectionString,
            ["Botshop:DataPath"] = dataFolder,
            ["Botshop:UserHashKey"] = UserHashKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddBotshopCore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var host = new TestHost(services, dataFolder);
        await host.Get<BotshopDatabase>().MigrateAsync();
        await host.Get<KnowledgeService>().LoadOrSeedAsync(() => dataFolder, CancellationToken.None);
        return host;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
