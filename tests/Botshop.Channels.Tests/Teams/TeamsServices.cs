using Botshop.Channels.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Channels.Tests.Teams;

/// <summary>The real DI registrations of the channel, as the server will build them, with test settings.</summary>
public static class TeamsServices
{
    public static ServiceProvider Build(Action<TeamsOptions> configure, TimeProvider? time = null)
    {
        var services = new ServiceCollection().AddLogging();
        if (time is not null) services.AddSingleton(time);
        services.AddTeamsChannel(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
