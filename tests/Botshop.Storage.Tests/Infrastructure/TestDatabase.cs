using Botshop.Storage;

namespace Botshop.Storage.Tests.Infrastructure;

/// <summary>One empty database on one engine, created for one test and removed after it.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract StorageOptions Options { get; }

    /// <summary>A new factory over the same database: a second one stands in for a second process.</summary>
    public BotshopDatabase Connect() => new(Options);

    public abstract ValueTask DisposeAsync();
}
