using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Botshop.Channels.Slack;

/// <summary>
/// Outbound retries (channels.md §0): 429 waits for Retry-After, 5xx and network failures back off exponentially
/// with jitter, any other 4xx fails at once.
/// </summary>
public static class SlackRetryPolicy
{
    public static HttpRetryStrategyOptions Create(SlackOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetries,
        Delay = options.RetryBaseDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
    };

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };
}
