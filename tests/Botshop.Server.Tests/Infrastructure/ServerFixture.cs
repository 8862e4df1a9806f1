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
