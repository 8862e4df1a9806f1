using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Botshop.Channels.Teams;

/// <summary>
/// The bot's outbound access token (client credentials, scope api.botframework.com), cached until 5 minutes before it
/// expires. One fetch at a time: concurrent senders wait for the same token rather than each asking for their own.
/// </summary>
public sealed class BotTokenProvider(
    IHttpClientFactory httpClients,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotTokenProvider> logger)
{
    public const string HttpClientName = "Botshop.Teams.Token";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _cached;

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAfter);

    /// <summary>A valid token, fetched only if none is cached or the cached one is within 5 minutes of expiry.</summary>
    public async Task<string> GetTokenAsync(CancellationToken ct)
    {
        if (_cached is { } cached && time.GetUtcNow() < cached.RefreshAfter) return cached.Value;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } again && time.GetUtcNow() < again.RefreshAfter) return again.Value;
            var fresh = await FetchAsync(ct);
            _cached = fresh;
            return fresh.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops <paramref name="rejected"/> (the connector answered 401), unless another caller already replaced it.</summary>
    public void Invalidate(string rejected)
    {
        var cached = _cached;
        if (cached is not null && cached.Value == rejected) Interlocked.CompareExchange(ref _cached, null, cached);
    }

    private async Task<CachedToken> FetchAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.AuthenticationEnabled) throw new InvalidOperationException("Teams:AppId is not set: there is no token to fetch.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = o.AppId!,
            ["client_secret"] = o.AppPassword ?? "",
            ["scope"] = TeamsOptions.ConnectorScope,
        });
        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.PostAsync(o.ResolvedTokenEndpoint, form, ct);
        if (!response.IsSuccessStatusCode)
        {
            // The error body may echo request details; only the status is logged.
            logger.LogError("Bot Framework token request failed with HTTP {Status}", (int)response.StatusCode);
            throw new HttpRequestException($"Token endpoint answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);
        if (string.IsNullOrEmpty(token?.AccessToken) || token.ExpiresIn <= 0)
            throw new HttpRequestException("Token endpoint answered without access_token or expires_in.");
        logger.LogInformation("Obtained a Bot Framework token valid for {Seconds} s", token.ExpiresIn);
        return new CachedToken(token.AccessToken, time.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn) - RefreshMargin);
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}
