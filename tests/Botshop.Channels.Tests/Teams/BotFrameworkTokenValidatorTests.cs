using System.Net;
using System.Security.Cryptography;
using Botshop.Channels.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Channels.Tests.Teams;

public sealed class BotFrameworkTokenValidatorTests : IAsyncLifetime
{
    private FakeBotFrameworkIssuer _issuer = null!;
    private ServiceProvider _services = null!;
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private static readonly TeamsActivity Activity = new()
    {
        Type = "message",
        Id = "1",
        ChannelId = "msteams",
        ServiceUrl = FakeBotFrameworkIssuer.ServiceUrl,
        From = new ChannelAccount("29:user"),
        Recipient = new ChannelAccount("28:" + FakeBotFrameworkIssuer.AppId),
        Conversation = new ConversationAccount("a:1Xy"),
    };

    public async Task InitializeAsync()
    {
        _issuer = await FakeBotFrameworkIssuer.StartAsync();
        _services = TeamsServices.Build(o =>
        {
            o.AppId = FakeBotFrameworkIssuer.AppId;
            o.AppPassword = "secret";
            o.OpenIdMetadataUrl = _issuer.MetadataUrl;
        }, _clock);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private BotFrameworkTokenValidator Validator => _services.GetRequiredService<BotFrameworkTokenValidator>();
    private RSA K1 => _issuer.KeyOf("k1");

    private Task<TokenValidationOutcome> Validate(string token, TeamsActivity? activity = null) =>
        Validator.ValidateAsync("Bearer " + token, activity ?? Activity, CancellationToken.None);

    [Fact]
    public async Task Valid_token_is_accepted()
    {
        var outcome = await Validate(FakeBotFrameworkIssuer.Mint(K1, "k1"));
        Assert.True(outcome.IsValid, outcome.FailureReason);
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_accepted()
    {
        var now = DateTime.UtcNow;
        var outcome = await Validate(FakeBotFrameworkIssuer.Mint(K1, "k1", notBefore: now.AddHours(-1), expires: now.AddSeconds(-200)));
        Assert.True(outcome.IsValid, outcome.FailureReason);
    }

    [Fact]
    public async Task Wrong_audience_is_refused() =>
        AssertRefused(await Validate(FakeBotFrameworkIssuer.Mint(K1, "k1", audience: "someone-else")), "wrong audience");

    [Fact]
    public async Task Wrong_issuer_is_refused() =>
        AssertRefused(await Validate(FakeBotFrameworkIssuer.Mint(K1, "k1", issuer: "https://sts.example.com")), "wrong issuer");

    [Fact]
    public async Task Token_expired_beyond_the_clock_skew_is_refused()
    {
        var now = DateTime.UtcNow;
        AssertRefused(await Validate(FakeBotFrameworkIssuer.Mint(K1, "k1", notBefore: now.AddHours(-1), expires: now.AddSeconds(-400))),
            "token expired");
    }

    [Fact]
    public async Task Token_not_yet_valid_is_refused()
    {
        var now = DateTime.UtcNow;
        AssertRefused(await Validate(FakeBotFrameworkIssuer.Mint(K1, "k1", notBefore: now.AddMinutes(10), expires: now.AddHours(1))),
            "token not yet valid");
    }

    [Fact]
    public async Task Wrong_key_under_a_published_kid_is_refused()
    {
        using var forger = RSA.Create(2048);
        AssertRefused(await Validate(FakeBotFrameworkIssuer.Mint(forger, "k1")), "invalid signature");
    }

    [Fact]
    public async Task ServiceUrl_differing_from_the_claim_is_refused()
    {
        var activity = Activity with { ServiceUrl = "https://smba.trafficmanager.net/amer" }; // no trailing slash
        AssertRefused(await Validate(FakeBotFrameworkIssuer.Mint(K1, "k1"), activity), "serviceurl claim does not match the activity's serviceUrl");
    }

    [Fact]
    public async Task Token_without_serviceurl_claim_is_refused() =>
        AssertRefused(await Validate(FakeBotFrameworkIssuer.Mint(K1, "k1", serviceUrl: null)), "serviceurl claim does not match the activity's serviceUrl");

    [Fact]
    public async Task Key_not_endorsed_for_the_channel_is_refused()
    {
        var outcome = await Validate(FakeBotFrameworkIssuer.Mint(K1, "k1"), Activity with { ChannelId = "slack" });
        AssertRefused(outcome, "signing key is not endorsed for the activity's channel");
    }

    [Theory]
    [InlineData(null, "missing Authorization header")]
    [InlineData("", "missing Authorization header")]
    [InlineData("Basic dXNlcjpwYXNz", "Authorization scheme is not Bearer")]
    [InlineData("Bearer not-a-jwt", "token is not a compact JWT")]
    public async Task Missing_or_non_bearer_header_is_refused(string? header, string reason) =>
        AssertRefused(await Validator.ValidateAsync(header, Activity, CancellationToken.None), reason);

    [Fact]
    public async Task Unknown_kid_is_refused_after_one_metadata_refresh()
    {
        Assert.True((await Validate(FakeBotFrameworkIssuer.Mint(K1, "k1"))).IsValid);
        Assert.Equal(1, _issuer.KeySetRequests);
        using var stranger = RSA.Create(2048);

        AssertRefused(await Validate(FakeBotFrameworkIssuer.Mint(stranger, "k9")), "unknown signing key id");
        Assert.Equal(2, _issuer.KeySetRequests);

        // A flood of unknown kids must not turn into a flood of metadata requests.
        AssertRefused(await Validate(FakeBotFrameworkIssuer.Mint(stranger, "k10")), "unknown signing key id");
        Assert.Equal(2, _issuer.KeySetRequests);
    }

    [Fact]
    public async Task Rotated_key_is_picked_up_by_a_refresh()
    {
        Assert.True((await Validate(FakeBotFrameworkIssuer.Mint(K1, "k1"))).IsValid);
        var k2 = RSA.Create(2048);
        _issuer.Publish("k2", k2, "msteams");

        var outcome = await Validate(FakeBotFrameworkIssuer.Mint(k2, "k2"));

        Assert.True(outcome.IsValid, outcome.FailureReason);
        Assert.Equal(2, _issuer.KeySetRequests);
    }

    [Fact]
    public async Task Unknown_kid_may_force_another_refresh_once_the_minimum_interval_passed()
    {
        using var stranger = RSA.Create(2048);
        AssertRefused(await Validate(FakeBotFrameworkIssuer.Mint(stranger, "k9")), "unknown signing key id");
        var afterFirst = _issuer.KeySetRequests;
        _issuer.Publish("k9", stranger, "msteams");
        AssertRefused(await Validate(FakeBotFrameworkIssuer.Mint(stranger, "k9")), "unknown signing key id");

        _clock.Now += TimeSpan.FromMinutes(6);
        var outcome = await Validate(FakeBotFrameworkIssuer.Mint(stranger, "k9"));

        Assert.True(outcome.IsValid, outcome.FailureReason);
        Assert.Equal(afterFirst + 1, _issuer.KeySetRequests);
    }

    [Fact]
    public async Task Without_app_id_only_loopback_callers_are_let_in()
    {
        await using var services = TeamsServices.Build(o => o.OpenIdMetadataUrl = _issuer.MetadataUrl);
        var auth = services.GetRequiredService<TeamsInboundAuthenticator>();

        Assert.False(auth.AuthenticationEnabled);
        Assert.True((await auth.AuthenticateAsync(null, Activity, IPAddress.Loopback, CancellationToken.None)).IsValid);
        Assert.True((await auth.AuthenticateAsync(null, Activity, IPAddress.IPv6Loopback, CancellationToken.None)).IsValid);
        Assert.False((await auth.AuthenticateAsync(null, Activity, IPAddress.Parse("10.0.0.7"), CancellationToken.None)).IsValid);
        Assert.False((await auth.AuthenticateAsync(null, Activity, null, CancellationToken.None)).IsValid);
    }

    [Fact]
    public async Task With_app_id_even_loopback_callers_need_a_valid_token()
    {
        var auth = _services.GetRequiredService<TeamsInboundAuthenticator>();
        Assert.False((await auth.AuthenticateAsync(null, Activity, IPAddress.Loopback, CancellationToken.None)).IsValid);
        var valid = await auth.AuthenticateAsync("Bearer " + FakeBotFrameworkIssuer.Mint(K1, "k1"), Activity, IPAddress.Loopback, CancellationToken.None);
        Assert.True(valid.IsValid, valid.FailureReason);
    }

    private static void AssertRefused(TokenValidationOutcome outcome, string reason)
    {
        Assert.False(outcome.IsValid);
        Assert.Equal(reason, outcome.FailureReason);
    }
}
