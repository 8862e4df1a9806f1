using Botshop.Testing;
using System.Security.Cryptography;
using System.Net;

namespace Botshop.Server.Tests.Teams;

/// <summary>Every forged or missing token is refused: 401, no reply sent, nothing recorded.</summary>
[Collection(TeamsServerCollection.Name)]
public sealed class TeamsAuthenticationTests(TeamsServerFixture teams)
{
    [Theory]
    [InlineData("no token")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("expired beyond the clock skew")]
    [InlineData("unknown key id")]
    [InlineData("known key id, unpublished key")]
    [InlineData("serviceUrl claim differs from the activity")]
    [InlineData("not a JWT")]
    public async Task Forged_request_is_refused_and_never_answered_or_recorded(string forgery)
    {
        var conversation = TeamsActivities.NewConversationId();
        var activity = TeamsActivities.Message(teams.ServiceUrl, conversation, TeamsActivities.NewActivityId(), "How long is the internship?");

        using var response = await teams.PostActivityAsync(activity.ToJsonString(), Token(forgery));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await teams.DrainRepliesAsync();
        Assert.Empty(teams.Connector.RepliesIn(conversation));
        Assert.Empty(await teams.Server.Database.MessagesInConversationAsync("msteams", conversation));
    }

    private string? Token(string forgery)
    {
        var key = teams.Issuer.KeyOf("k1");
        var appId = TeamsServerFixture.AppId;
        var serviceUrl = teams.ServiceUrl;
        var now = DateTime.UtcNow;
        return forgery switch
        {
            "no token" => null,
            "wrong audience" => FakeBotFrameworkIssuer.Mint(key, "k1", audience: "00000000-0000-0000-0000-000000000000", serviceUrl: serviceUrl),
            "wrong issuer" => FakeBotFrameworkIssuer.Mint(key, "k1", issuer: "https://sts.example.com", audience: appId, serviceUrl: serviceUrl),
            // The validator allows 5 minutes of clock skew, as the Bot Framework SDKs do.
            "expired beyond the clock skew" => FakeBotFrameworkIssuer.Mint(key, "k1", audience: appId, serviceUrl: serviceUrl,
                notBefore: now.AddHours(-2), expires: now.AddMinutes(-10)),
            "unknown key id" => FakeBotFrameworkIssuer.Mint(RSA.Create(2048), "not-published", audience: appId, serviceUrl: serviceUrl),
            "known key id, unpublished key" => FakeBotFrameworkIssuer.Mint(RSA.Create(2048), "k1", audience: appId, serviceUrl: serviceUrl),
            "serviceUrl claim differs from the activity" => FakeBotFrameworkIssuer.Mint(key, "k1", audience: appId, serviceUrl: "https://smba.trafficmanager.net/amer/"),
            "not a JWT" => "definitely-not-a-token",
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
    }
}
