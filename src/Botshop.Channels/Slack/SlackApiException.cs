namespace Botshop.Channels.Slack;

/// <summary>
/// Slack refused a call: ok:false with an error code, or an HTTP failure left after retries ("http_503").
/// <see cref="IsRetryable"/> tells a background sender whether trying later can help.
/// </summary>
public sealed class SlackApiException(string method, string error)
    : Exception($"Slack {method} failed: {error}")
{
    private static readonly HashSet<string> Permanent =
    [
        "invalid_auth", "not_authed", "missing_scope", "account_inactive", "token_revoked", "token_expired",
        "channel_not_found", "not_in_channel", "is_archived", "msg_too_long", "no_text", "invalid_blocks",
        "invalid_arguments", "expired_url", "used_url",
    ];

    public string Method { get; } = method;
    public string Error { get; } = error;

    public bool IsRetryable => !Permanent.Contains(Error) && !IsPermanentHttp(Error);

    // HTTP 4xx other than 429 will fail the same way again.
    private static bool IsPermanentHttp(string error) =>
        error.StartsWith("http_4", StringComparison.Ordinal) && error != "http_429";
}
