namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>Base of the service tests: a fresh store on one engine and the services over it, seeded from a data folder.</summary>
public abstract class HostedTests(Engine engine = Engine.Sqlite) : IAsyncLifetime
{
    protected TestStore Store { get; private set; } = null!;
    protected TestHost Host { get; private set; } = null!;

    /// <summary>The data folder the store is seeded from: the repository's seed unless a test class says otherwise.</summary>
    protected virtual string DataFolder() => SeedData.Folder;

    public virtual async Task InitializeAsync()
    {
        Store = TestStore.Create(engine);
        Host = await TestHost.StartAsync(Store, DataFolder());
    }

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Store.DisposeAsync();
    }
}
