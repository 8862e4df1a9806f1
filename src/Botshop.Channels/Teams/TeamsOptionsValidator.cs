using Microsoft.Extensions.Options;

namespace Botshop.Channels.Teams;

/// <summary>
/// Start-up checks of <see cref="TeamsOptions"/>. Plain http is accepted only for loopback hosts (local fakes):
/// anywhere else it would expose tokens and signing keys to tampering.
/// </summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var errors = new List<string>();
        CheckSecureUrl(options.OpenIdMetadataUrl, "Teams:OpenIdMetadataUrl", errors);
        CheckSecureUrl(options.ResolvedTokenEndpoint, "Teams:TokenEndpoint", errors);
        foreach (var prefix in options.AllowedServiceUrls)
            CheckSecureUrl(prefix, "Teams:AllowedServiceUrls", errors);
        if (options.AuthenticationEnabled && string.IsNullOrWhiteSpace(options.AppPassword))
            errors.Add("Teams:AppPassword is required when Teams:AppId is set.");
        if (options.MinimumMetadataRefreshInterval < TimeSpan.Zero || options.MetadataRefreshInterval <= TimeSpan.Zero)
            errors.Add("Teams metadata refresh intervals must be positive.");
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
            errors.Add("Teams:ClockSkew must be between 0 and 10 minutes.");
        if (options.ConnectorMaxRetries is < 0 or > 10)
            errors.Add("Teams:ConnectorMaxRetries must be between 0 and 10.");
        if (options.ConnectorRetryBaseDelay < TimeSpan.Zero || options.ConnectorTimeout <= TimeSpan.Zero)
            errors.Add("Teams connector delays must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>https anywhere; http only on a loopback host.</summary>
    public static bool IsSecureOrLoopback(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);

    private static void CheckSecureUrl(string? value, string key, List<string> errors)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            errors.Add($"{key} must be an absolute http(s) URL.");
        else if (!IsSecureOrLoopback(url))
            errors.Add($"{key} must use https (http is accepted only for loopback hosts).");
    }
}
