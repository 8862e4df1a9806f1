using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Botshop.Channels.Teams;

/// <summary>
/// The Bot Framework's signing keys (OpenID metadata + JWKS), cached for <see cref="TeamsOptions.MetadataRefreshInterval"/>.
/// An unknown key id triggers one refresh, awaited by that request, and at most once per
/// <see cref="TeamsOptions.MinimumMetadataRefreshInterval"/>.
/// Why not <see cref="ConfigurationManager{T}"/>: since IdentityModel 8 its RequestRefresh refreshes on a background
/// thread, so the request that reveals a rotated key would still be refused (and tests would race); the switch that
/// makes it blocking is process-wide. Fetching and parsing still go through IdentityModel's retrievers.
/// </summary>
public sealed class BotFrameworkSigningKeys(
    IHttpClientFactory httpClients,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotFrameworkSigningKeys> logger)
{
    public const string HttpClientName = "Botshop.Teams.OpenId";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;
    private DateTimeOffset? _lastForcedRefresh;

    private sealed record Snapshot(IReadOnlyDictionary<string, JsonWebKey> Keys, DateTimeOffset FetchedAt);

    /// <summary>The key with this id, refreshing the metadata first if it is stale, or if the id is unknown and a forced refresh is allowed.</summary>
    public async Task<JsonWebKey?> FindAsync(string kid, CancellationToken ct)
    {
        var snapshot = await CurrentAsync(ct);
        if (snapshot.Keys.TryGetValue(kid, out var key)) return key;

        await _gate.WaitAsync(ct);
        try
        {
            // Another request may have refreshed while this one waited.
            if (_current is { } latest && latest != snapshot && latest.Keys.TryGetValue(kid, out key)) return key;
            var now = time.GetUtcNow();
            if (_lastForcedRefresh is { } last && now - last < options.Value.MinimumMetadataRefreshInterval)
                return null;
            _lastForcedRefresh = now;
            logger.LogInformation("Unknown signing key id; refreshing Bot Framework metadata");
            var refreshed = await FetchAsync(ct);
            return refreshed.Keys.TryGetValue(kid, out key) ? key : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var snapshot = _current;
        if (snapshot is not null && time.GetUtcNow() - snapshot.FetchedAt < options.Value.MetadataRefreshInterval)
            return snapshot;
        await _gate.WaitAsync(ct);
        try
        {
            snapshot = _current;
            if (snapshot is not null && time.GetUtcNow() - snapshot.FetchedAt < options.Value.MetadataRefreshInterval)
                return snapshot;
            try
            {
                return await FetchAsync(ct);
            }
            catch (Exception ex) when (snapshot is not null && ex is not OperationCanceledException)
            {
                // Stale keys beat no keys: the issuer being briefly down must not lock every user out.
                logger.LogWarning(ex, "Bot Framework metadata refresh failed; keeping the previous keys");
                return snapshot;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Fetches metadata and JWKS; callers hold the gate.</summary>
    private async Task<Snapshot> FetchAsync(CancellationToken ct)
    {
        var address = options.Value.OpenIdMetadataUrl;
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
        {
            // Options validation allows http only for loopback hosts (test fakes).
            RequireHttps = new Uri(address).Scheme == Uri.UriSchemeHttps,
        };
        var config = await OpenIdConnectConfigurationRetriever.GetAsync(address, retriever, ct);
        var keys = new Dictionary<string, JsonWebKey>(StringComparer.Ordinal);
        foreach (var key in config.JsonWebKeySet?.Keys ?? [])
            if (!string.IsNullOrEmpty(key.Kid)) keys[key.Kid] = key;
        var snapshot = new Snapshot(keys, time.GetUtcNow());
        _current = snapshot;
        logger.LogInformation("Loaded {KeyCount} Bot Framework signing keys", keys.Count);
        return snapshot;
    }
}
