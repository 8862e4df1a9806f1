using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Botshop.Channels.Teams;

/// <summary>Registers the Teams channel: options (validated at start), token checks, mapping, rendering and sending.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="TeamsOptions"/> from <paramref name="section"/> (usually configuration's "Teams").</summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, IConfiguration section) =>
        services.AddTeamsChannel(options => section.Bind(options));

    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, Action<TeamsOptions> configure)
    {
        services.AddOptions<TeamsOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TeamsActivityParser>();
        services.TryAddSingleton<TeamsActivityMapper>();
        services.TryAddSingleton<TeamsReplyRenderer>();
        services.TryAddSingleton<BotFrameworkSigningKeys>();
        services.TryAddSingleton<BotFrameworkTokenValidator>();
        services.TryAddSingleton<TeamsInboundAuthenticator>();
        services.TryAddSingleton<BotTokenProvider>();
        services.TryAddSingleton<BotConnectorClient>();

        services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(BotTokenProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(BotConnectorClient.HttpClientName)
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<IOptions<TeamsOptions>>().Value.ConnectorTimeout)
            .AddResilienceHandler("teams-connector", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = o.ConnectorMaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = o.ConnectorRetryBaseDelay,
                    ShouldRetryAfterHeader = true, // 429 (and 503) carry Retry-After: it wins over the backoff
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                });
            });
        return services;
    }

    /// <summary>Teams asks for retries on 429, 412 and 5xx gateway errors; other 4xx will not improve by retrying.</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result.StatusCode: var s } => s is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };
}
