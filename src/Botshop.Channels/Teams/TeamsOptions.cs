namespace Botshop.Channels.Teams;

/// <summary>Settings of the Microsoft Teams (Bot Framework) channel, bound from the "Teams" configuration section.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>The bot's Microsoft App ID. Empty means authentication is disabled (loopback development only).</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret used to obtain connector tokens; required when <see cref="AppId"/> is set.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The bot's own Entra tenant (single-tenant bots); empty for a legacy multi-tenant bot.</summary>
    public string? TenantId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Client-credentials endpoint; empty means the public one for <see cref="TenantId"/> (or botframework.com).</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>URL prefixes a reply may be sent to. Empty: any serviceUrl vouched for by a valid token.</summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>How long signing keys are trusted before the metadata is fetched again.</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>An unknown key id forces a metadata refresh at most this often, so forged kids cannot flood the issuer.</summary>
    public TimeSpan MinimumMetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tolerance on token lifetimes, as the Bot Framework SDKs allow.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of a connector send after 429/412/5xx (the first attempt not counted).</summary>
    public int ConnectorMaxRetries { get; set; } = 3;

    /// <summary>Base of the exponential backoff between connector retries (a Retry-After header wins).</summary>
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when inbound requests must carry a valid Bot Framework token and outbound ones carry ours.</summary>
    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The token endpoint actually used: the configured one, or the public one for the tenant.</summary>
    public string ResolvedTokenEndpoint => string.IsNullOrWhiteSpace(TokenEndpoint)
        ? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId.Trim())}/oauth2/v2.0/token"
        : TokenEndpoint;
}
