namespace Botshop.Server.Tests.Infrastructure;

/// <summary>
/// One server with the bootstrap admin, two postings and a short lockout (3 failures, 1 minute), shared by the
/// workspace test classes. Tests use their own user names, conversation ids and question markers, so none sees
/// another's data.
/// </summary>
public sealed class AdminServerFixture : IAsyncLifetime
{
    public const int LockoutAttempts = 3;

    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await AdminSession.StartServerAsync(new Dictionary<string, string>
    {
        ["Admin__LockoutAttempts"] = LockoutAttempts.ToString(),
        ["Admin__LockoutMinutes"] = "1",
    }, TestData.TwoPostings);

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AdminServerCollection : ICollectionFixture<AdminServerFixture>
{
    public const string Name = "workspace server";
}
