using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Botshop.Channels.Teams;

/// <summary>Verdict on an inbound request's token. <see cref="FailureReason"/> is for logs and never holds token contents.</summary>
public sealed record TokenValidationOutcome(bool IsValid, string? FailureReason)
{
    public static readonly TokenValidationOutcome Valid = new(true, null);
    public static TokenValidationOutcome Fail(string reason) => new(false, reason);
}

/// <summary>
/// Checks the Bot Connector's JWT on an inbound activity (channels.md §2.4 profile A): Bearer scheme, RS256/384/512
/// signature by a published key, issuer, audience = our App ID, lifetime with skew, the key's endorsements and the
/// <c>serviceurl</c> claim.
/// </summary>
public sealed class BotFrameworkTokenValidator(
    BotFrameworkSigningKeys keys,
    IOptions<TeamsOptions> options,
    ILogger<BotFrameworkTokenValidator> logger)
{
    private static readonly string[] Algorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<TokenValidationOutcome> ValidateAsync(string? authorizationHeader, TeamsActivity activity, CancellationToken ct)
    {
        var outcome = await CheckAsync(authorizationHeader, activity, ct);
        if (!outcome.IsValid) logger.LogWarning("Teams request refused: {Reason}", outcome.FailureReason);
        return outcome;
    }

    private async Task<TokenValidationOutcome> CheckAsync(string? authorizationHeader, TeamsActivity activity, CancellationToken ct)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorizationHeader)) return TokenValidationOutcome.Fail("missing Authorization header");
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return TokenValidationOutcome.Fail("Authorization scheme is not Bearer");
        var raw = authorizationHeader[scheme.Length..].Trim();
        if (!_handler.CanReadToken(raw)) return TokenValidationOutcome.Fail("token is not a compact JWT");

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return TokenValidationOutcome.Fail("token cannot be read");
        }
        if (string.IsNullOrEmpty(token.Kid)) return TokenValidationOutcome.Fail("token has no kid");

        JsonWebKey? key;
        try
        {
            key = await keys.FindAsync(token.Kid, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Bot Framework signing keys could not be loaded");
            return TokenValidationOutcome.Fail("signing keys unavailable");
        }
        if (key is null) return TokenValidationOutcome.Fail("unknown signing key id");

        var result = await _handler.ValidateTokenAsync(raw, Parameters(key));
        if (!result.IsValid) return TokenValidationOutcome.Fail(Describe(result.Exception));

        if (!IsEndorsed(key, activity.ChannelId))
            return TokenValidationOutcome.Fail("signing key is not endorsed for the activity's channel");
        var serviceUrlClaim = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        if (serviceUrlClaim is null || !string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.Ordinal))
            return TokenValidationOutcome.Fail("serviceurl claim does not match the activity's serviceUrl");
        return TokenValidationOutcome.Valid;
    }

    private TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = TeamsOptions.BotFrameworkIssuer,
        ValidAudience = options.Value.AppId,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = Algorithms,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = options.Value.ClockSkew,
    };

    /// <summary>
    /// A key whose endorsements list is non-empty may only sign for the channels it names
    /// (botbuilder's EndorsementsValidator); a key with none is unrestricted.
    /// </summary>
    private static bool IsEndorsed(JsonWebKey key, string? channelId)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null) return true;
        var endorsements = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            IEnumerable<string> list => list.ToList(),
            IEnumerable<object> items => items.Select(i => i?.ToString() ?? "").ToList(),
            _ => null,
        };
        if (endorsements is null) return false; // a shape we do not understand is not an endorsement
        if (endorsements.Count == 0) return true;
        return channelId is not null && endorsements.Contains(channelId, StringComparer.Ordinal);
    }

    private static string Describe(Exception? ex) => ex switch
    {
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenNoExpirationException => "token has no expiry",
        SecurityTokenInvalidSignatureException => "invalid signature",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not allowed",
        null => "token invalid",
        _ => "token invalid (" + ex.GetType().Name + ")",
    };
}
