using System.Text;
using Botshop.Channels.Slack;

namespace Botshop.Channels.Tests.Slack;

/// <summary>Our verifier and Slack's own (bolt-js) must agree on every request of one generated corpus.</summary>
public sealed class BoltCrossCheckTests(BoltVerifier bolt) : IClassFixture<BoltVerifier>
{
    private const long Now = 1_700_000_000;

    [Fact]
    public async Task Verdicts_match_bolt_on_a_generated_corpus()
    {
        var corpus = Corpus(seed: 20240611);
        var theirs = await bolt.JudgeAsync(corpus);

        var disagreements = corpus
            .Where(c => theirs[c.Id] != Ours(c))
            .Select(c => $"{c.Id}: bolt {theirs[c.Id]}, ours {Ours(c)}")
            .ToList();
        Assert.Empty(disagreements);
        // A corpus all of one verdict would prove nothing.
        Assert.InRange(corpus.Count(c => theirs[c.Id]), 20, corpus.Count - 20);
    }

    [Fact]
    public async Task Requests_signed_by_our_signer_are_accepted_by_bolt()
    {
        var signed = Bodies().Select((body, i) =>
        {
            var timestamp = (Now - i).ToString();
            return new SignedCase($"signed-{i}", "our-secret-" + i, body, timestamp,
                SlackSignature.Compute("our-secret-" + i, timestamp, Encoding.UTF8.GetBytes(body)), Now);
        }).ToList();
        var theirs = await bolt.JudgeAsync(signed);
        Assert.All(signed, c => Assert.True(theirs[c.Id], c.Id));
    }

    [Fact]
    public async Task Slack_test_vector_is_accepted_by_both()
    {
        var vector = new SignedCase("vector", SlackSignatureVerifierTests.VectorSecret, SlackSignatureVerifierTests.VectorBody,
            SlackSignatureVerifierTests.VectorTimestamp, SlackSignatureVerifierTests.VectorSignature, 1531420618);
        var theirs = await bolt.JudgeAsync([vector]);
        Assert.True(theirs["vector"]);
        Assert.True(Ours(vector));
    }

    private static bool Ours(SignedCase c) =>
        new SlackSignatureVerifier(SlackTestKit.Options(o => o.SigningSecret = c.Secret), new FixedClock(c.Now))
            .Verify(c.Timestamp, c.Signature, Encoding.UTF8.GetBytes(c.Body)).IsValid;

    private static IEnumerable<string> Bodies() =>
    [
        """{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","user":"U1","text":"<@UBOT> salary?","channel":"C1","ts":"1700000000.000100"}}""",
        """{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""",
        "token=x&team_id=T1&channel_id=C1&user_id=U1&command=%2Fask&text=is+it+remote%3F&response_url=https%3A%2F%2Fhooks.slack.com%2Fx",
        "payload=%7B%22type%22%3A%22block_actions%22%7D",
        """{"event":{"text":"Café, naïve façade ✓ 日本語 🎉"}}""",
        "",
    ];

    /// <summary>Every body at every age under every mutation, with random secrets: about one case in twelve is valid.</summary>
    private static List<SignedCase> Corpus(int seed)
    {
        var random = new Random(seed);
        // Ages straddle the 300 s window; none lie in the future, where bolt deliberately accepts (channels.md §3.1).
        int[] ages = [0, 1, 150, 299, 300, 301, 302, 900, 86_400];
        string[] mutations = ["none", "body", "secret", "timestamp", "truncate", "upper", "flip"];
        var cases = new List<SignedCase>();
        foreach (var (original, b) in Bodies().Select((body, b) => (body, b)))
            foreach (var age in ages)
                foreach (var mutation in mutations)
                {
                    var secret = "secret-" + random.Next(1_000_000);
                    var body = original;
                    var timestamp = (Now - age).ToString();
                    var signature = SlackSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body));
                    switch (mutation)
                    {
                        case "body": body = body.Length == 0 ? "x" : body[..^1] + (char)(body[^1] ^ 1); break;
                        case "secret": secret += "!"; break;
                        case "timestamp": timestamp = (Now - age - 1).ToString(); break;
                        case "truncate": signature = signature[..^2]; break;
                        case "upper": signature = "v0=" + signature[3..].ToUpperInvariant(); break;
                        case "flip": signature = signature[..^1] + (signature[^1] == '0' ? '1' : '0'); break;
                    }
                    cases.Add(new SignedCase($"b{b}-age{age}-{mutation}", secret, body, timestamp, signature, Now));
                }
        return cases;
    }
}
