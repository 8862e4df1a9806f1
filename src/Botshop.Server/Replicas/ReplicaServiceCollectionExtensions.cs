using Botshop.Storage;

namespace Botshop.Server.Replicas;

public static class ReplicaServiceCollectionExtensions
{
    /// <summary>
    /// Every replica serves the active model version and the current knowledge: polled every Models:PollSeconds,
    /// and on PostgreSQL announced at once.
    /// </summary>
    public static IServiceCollection AddReplicaSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModelPollingOptions>().Bind(configuration.GetSection(ModelPollingOptions.Section))
            .Validate(o => o.PollSeconds is >= 1 and <= 3600, "Models:PollSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        services.AddSingleton<StoreStamps>();
        services.AddSingleton<StoreChangeFeed>();
        services.AddSingleton<StoreChangeSignal>();
        services.AddHostedService<StoreChangeListener>();
        services.AddHostedService<LiveStateWatcher>();
        return services;
    }
}
