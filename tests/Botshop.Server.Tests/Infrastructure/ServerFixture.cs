namespace Botshop.Server.Tests.Infrastructure;

/// <summary>One real server shared by a test class; tests use their own conversation ids, so none sees another's data.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}

/// <summary>The test classes that share one web chat server (starting one costs seconds: the model is loaded each time).</summary>
[CollectionDefinition(Name)]
public sealed class WebServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "web chat server";
}
