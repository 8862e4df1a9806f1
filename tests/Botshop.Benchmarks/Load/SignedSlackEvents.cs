using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Botshop.Benchmarks.Load;

/// <summary>
/// Distinct, validly signed Slack events (channels.md §1.2, §1.3): event n is Ev{n}, an app_mention from U{n%50}
/// in C{n%20} with ts "{unix}.{n:D6}". The reply target of event n is (channel, ts), which the fake Slack counts.
/// </summary>
public sealed class SignedSlackEvents(string signingSecret, string runTag)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    /// <summary>Questions candidates ask, in rotation, so the answer path does real classification work.</summary>
    public static readonly string[] Questions =
    [
        "how long is the internship?", "Where is the office?", "Do I need a PhD to apply?", "Can I work remotely?",
        "When would I start?", "What programming languages should I know?", "What is the salary?",
        "what will I actually work on?",
    ];

    public static (string Channel, string Ts) Target(long n, long unixSeconds) => ($"C{n % 20}", $"{unixSeconds}.{n % 1_000_000:D6}");

    /// <summary>A signed POST of event n, stamped now; returns its reply target too.</summary>
    public (HttpRequestMessage Request, (string Channel, string Ts) Target) Event(Uri events, long n)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var target = Target(n, now);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            token = "legacy-unused",
            team_id = "T1",
            api_app_id = "A1",
            type = "event_callback",
            event_id = $"Ev{runTag}{n}",
            event_time = now,
            authorizations = new[] { new { enterprise_id = (string?)null, team_id = "T1", user_id = FakeSlackApi.BotUserId, is_bot = true } },
            @event = new
            {
                type = "app_mention",
                user = $"U{n % 50}",
                text = $"<@{FakeSlackApi.BotUserId}> {Questions[n % Questions.Length]}",
                channel = target.Channel,
                ts = target.Ts,
                event_ts = target.Ts,
            },
        });
        return (Signed(events, body, now), target);
    }

    /// <summary>The handshake Slack sends when the URL is configured: proves the endpoint exists and our signing is right.</summary>
    public HttpRequestMessage UrlVerification(Uri events, string challenge) =>
        Signed(events, JsonSerializer.SerializeToUtf8Bytes(new { token = "legacy-unused", challenge, type = "url_verification" }),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private HttpRequestMessage Signed(Uri events, byte[] body, long timestamp)
    {
        var stamp = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var prefix = Encoding.UTF8.GetBytes($"v0:{stamp}:");
        var basestring = new byte[prefix.Length + body.Length];
        prefix.CopyTo(basestring, 0);
        body.CopyTo(basestring, prefix.Length);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, basestring));

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, events) { Content = content };
        request.Headers.Add("X-Slack-Request-Timestamp", stamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }
}
