using System.Net;
using Microsoft.Extensions.Options;

namespace Botshop.Channels.Teams;

/// <summary>
/// The endpoint's one call for "may this request in?": the token check when an App ID is configured; without one
/// (local development, as botbuilder's disabled authentication) only loopback callers such as the Agents Playground.
/// </summary>
public sealed class TeamsInboundAuthenticator(BotFrameworkTokenValidator validator, IOptions<TeamsOptions> options)
{
    public bool AuthenticationEnabled => options.Value.AuthenticationEnabled;

    public Task<TokenValidationOutcome> AuthenticateAsync(
        string? authorizationHeader, TeamsActivity activity, IPAddress? remoteAddress, CancellationToken ct)
    {
        if (AuthenticationEnabled) return validator.ValidateAsync(authorizationHeader, activity, ct);
        return Task.FromResult(remoteAddress is not null && IPAddress.IsLoopback(remoteAddress)
            ? TokenValidationOutcome.Valid
            : TokenValidationOutcome.Fail("authentication is disabled (no Teams:AppId) and the caller is not loopback"));
    }
}
