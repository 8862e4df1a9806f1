using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace Botshop.Channels.Slack;

/// <summary>Registers the Slack adapter: options, verifier, parsers, renderer and the resilient Web API client.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>Binds <see cref="SlackOptions"/> from a configuration section (usually "Slack").</summary>
    public static IServiceCollection AddSlackChannel(this IServiceCollection services, IConfiguration section) =>
        services.AddSlackChannel(options => section.Bind(options));

    public static IServiceCollection AddSlackChannel(this IServiceCollection services, Action<SlackOptions> configure)
    {
        services.AddOptions<SlackOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<SlackBotIdentity>();
        services.TryAddSingleton<SlackEventParser>();
        services.TryAddSingleton<SlackCommandParser>();
        services.TryAddSingleton<SlackInteractionParser>();
        services.TryAddSingleton<SlackBlockKitRenderer>();

        services.AddHttpClient<SlackWebApiClient>()
            .AddResilienceHandler("slack", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
                pipeline.AddRetry(SlackRetryPolicy.Create(options));
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }
}
