using System.Text;
using Botshop.Channels.Slack;

namespace Botshop.Channels.Tests.Slack;

public sealed class SlackSignatureVerifierTests
{
    // Slack's published test vector (channels.md §1.2).
    internal const string VectorSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    internal const string VectorTimestamp = "1531420618";
    internal const string VectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    internal const string VectorBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(VectorBody);

    private static SlackSignatureVerifier Verifier(long now = 1531420618) =>
        new(SlackTestKit.Options(o => o.SigningSecret = VectorSecret), new FixedClock(now));

    [Fact]
    public void Slack_test_vector_is_accepted()
    {
        Assert.Equal(362, Body.Length);
        Assert.Equal(VectorSignature, SlackSignature.Compute(VectorSecret, VectorTimestamp, Body));
        var check = Verifier().Verify(VectorTimestamp, VectorSignature, Body);
        Assert.True(check.IsValid, check.Reason);
    }

    [Fact]
    public void Tampered_body_is_refused()
    {
        var tampered = Encoding.UTF8.GetBytes(VectorBody.Replace("user_id=U2CERLKJA", "user_id=U2CERLKJB"));
        var check = Verifier().Verify(VectorTimestamp, VectorSignature, tampered);
        Assert.False(check.IsValid);
        Assert.Equal("signature mismatch", check.Reason);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void Timestamp_more_than_300_seconds_away_is_refused(int skew)
    {
        var check = Verifier(now: 1531420618 + skew).Verify(VectorTimestamp, VectorSignature, Body);
        Assert.False(check.IsValid);
        Assert.Equal("timestamp outside the replay window", check.Reason);
    }

    [Fact]
    public void Timestamp_exactly_300_seconds_old_is_accepted()
    {
        Assert.True(Verifier(now: 1531420618 + 300).Verify(VectorTimestamp, VectorSignature, Body).IsValid);
    }

    [Theory]
    [InlineData(null, VectorSignature, "missing timestamp header")]
    [InlineData("", VectorSignature, "missing timestamp header")]
    [InlineData(VectorTimestamp, null, "missing signature header")]
    [InlineData(VectorTimestamp, "", "missing signature header")]
    [InlineData("1531420618.0", VectorSignature, "timestamp is not numeric")]
    [InlineData("-1531420618", VectorSignature, "timestamp is not numeric")]
    [InlineData(" 1531420618", VectorSignature, "timestamp is not numeric")]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature, string reason)
    {
        var check = Verifier().Verify(timestamp, signature, Body);
        Assert.False(check.IsValid);
        Assert.Equal(reason, check.Reason);
    }

    [Theory]
    [InlineData("v0=g2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")] // not hex
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")] // upper case
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5")] // short
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300")] // long
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")] // other version
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")] // no prefix
    public void Bad_hex_or_wrong_length_signature_is_refused(string signature)
    {
        var check = Verifier().Verify(VectorTimestamp, signature, Body);
        Assert.False(check.IsValid);
        Assert.Equal("signature mismatch", check.Reason);
    }

    [Fact]
    public void Wrong_secret_is_refused()
    {
        var verifier = new SlackSignatureVerifier(SlackTestKit.Options(o => o.SigningSecret = "another"), new FixedClock(1531420618));
        Assert.False(verifier.Verify(VectorTimestamp, VectorSignature, Body).IsValid);
    }

    [Fact]
    public void Without_a_configured_secret_everything_is_refused()
    {
        var verifier = new SlackSignatureVerifier(SlackTestKit.Options(o => o.SigningSecret = null), new FixedClock(1531420618));
        var check = verifier.Verify(VectorTimestamp, SlackSignature.Compute("", VectorTimestamp, Body), Body);
        Assert.False(check.IsValid);
        Assert.DoesNotContain(VectorSecret, check.Reason);
    }
}
