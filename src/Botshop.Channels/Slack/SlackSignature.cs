using System.Security.Cryptography;
using System.Text;

namespace Botshop.Channels.Slack;

/// <summary>Slack's v0 request signature: HMAC-SHA256 over "v0:{timestamp}:{raw body}", lowercase hex.</summary>
public static class SlackSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public const string Version = "v0";

    /// <summary>The header value Slack would send; also what a test's fake Slack signs with.</summary>
    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var basestring = new byte[prefix.Length + body.Length];
        prefix.CopyTo(basestring, 0);
        body.CopyTo(basestring.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), basestring);
        return Version + "=" + Convert.ToHexStringLower(mac);
    }
}
