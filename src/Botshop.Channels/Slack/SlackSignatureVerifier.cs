using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Botshop.Channels.Slack;

/// <summary>Checks that a request came from Slack and is fresh (channels.md §1.2); run it on the raw body before parsing.</summary>
public sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    /// <summary>Slack's replay window: requests older (or newer) than this are refused.</summary>
    public const int MaxSkewSeconds = 300;

    public SignatureCheck Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(secret))
            return SignatureCheck.Fail("signing secret not configured");
        if (string.IsNullOrEmpty(timestampHeader))
            return SignatureCheck.Fail("missing timestamp header");
        if (string.IsNullOrEmpty(signatureHeader))
            return SignatureCheck.Fail("missing signature header");
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
            return SignatureCheck.Fail("timestamp is not numeric");

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - timestamp) > MaxSkewSeconds)
            return SignatureCheck.Fail("timestamp outside the replay window");

        var expected = Encoding.ASCII.GetBytes(SlackSignature.Compute(secret, timestampHeader, rawBody));
        var given = Encoding.UTF8.GetBytes(signatureHeader);
        // FixedTimeEquals is false for unequal lengths without leaking where the bytes differ.
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? SignatureCheck.Valid
            : SignatureCheck.Fail("signature mismatch");
    }
}
