using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Botshop.Server.Tests.Infrastructure;
using Botshop.Testing;
using Microsoft.AspNetCore.Http;

namespace Botshop.Server.Tests.Teams;

/// <summary>
/// The real server with Teams authentication on, pointed at loopback fakes: the issuer (metadata + JWKS), the token
/// endpoint and the Bot Connector. One reply worker, so replies go out in the order questions were accepted: a
/// test proves "no reply" by waiting for the reply to a later question.
/// </summary>
public sealed class TeamsServerFixture : IAsyncLifetime
{
    public const string AppId = "6a0d6b8e-54c5-4b4e-9a53-0d3f4fb8d0a1";
    public const string AppPassword = "server-tests-secret";
    public const string ConnectorToken = "fake-connector-token";

    public FakeBotFrameworkIssuer Issuer { get; private set; } = null!;
    public LoopbackServer TokenEndpoint { get; private set; } = null!;
    public LoopbackServer Connector { get; private set; } = null!;
    public ServerProcess Server { get; private set; } = null!;

    /// <summary>The serviceUrl our fake Teams puts in activities: the fake connector, with a region prefix as Teams has.</summary>
    public string ServiceUrl => new Uri(Connector.BaseUri, "amer/").ToString();

    public async Task InitializeAsync()
    {
        Issuer = await FakeBotFrameworkIssuer.StartAsync();
        TokenEndpoint = await LoopbackServer.StartAsync(IssueTokenAsync);
        Connector = await LoopbackServer.StartAsync(AcceptActivityAsync);
        Server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Teams__AppId"] = AppId,
            ["Teams__AppPassword"] = AppPassword,
            ["Teams__OpenIdMetadataUrl"] = Issuer.MetadataUrl,
            ["Teams__TokenEndpoint"] = new Uri(TokenEndpoint.BaseUri, "token").ToString(),
            ["Teams__AllowedServiceUrls__0"] = ServiceUrl,
            ["Botshop__ReplyWorkers"] = "1",
        });
    }

    /// <summary>Gives our token only for exactly the client-credentials request the Bot Framework expects.</summary>
    internal static async Task IssueTokenAsync(RecordedRequest request, HttpContext ctx)
    {
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.BodyText);
        var valid = request.Method == "POST" && request.Path == "/token"
            && form["grant_type"] == "client_credentials" && form["client_id"] == AppId
            && form["client_secret"] == AppPassword && form["scope"] == "https://api.botframework.com/.default";
        ctx.Response.ContentType = "application/json";
        if (!valid)
        {
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            await ctx.Response.WriteAsync("""{"error":"invalid_request"}""");
            return;
        }
        await ctx.Response.WriteAsync(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["access_token"] = ConnectorToken,
        }.ToJsonString());
    }

    /// <summary>The Bot Connector: accepts a reply in any conversation under /amer/, as Teams does.</summary>
    public static async Task AcceptActivityAsync(RecordedRequest request, HttpContext ctx)
    {
        if (request.Method != "POST" || !request.Path.StartsWith("/amer/v3/conversations/", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        ctx.Response.StatusCode = StatusCodes.Status201Created;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync($$"""{"id":"reply-{{Guid.NewGuid():n}}"}""");
    }

    /// <summary>POSTs an activity to /api/messages with the given Authorization (null: none).</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(string json, string? bearer)
    {
        using var http = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await http.SendAsync(request);
    }

    /// <summary>A token the server must accept for an activity carrying <see cref="ServiceUrl"/>.</summary>
    public string ValidToken() => FakeBotFrameworkIssuer.Mint(Issuer.KeyOf("k1"), "k1", audience: AppId, serviceUrl: ServiceUrl);

    /// <summary>
    /// Asks a question in a fresh conversation and waits for its reply. With one reply worker, everything accepted
    /// before it has been answered and delivered by then, so a missing reply is really missing.
    /// </summary>
    public async Task DrainRepliesAsync()
    {
        var conversation = TeamsActivities.NewConversationId();
        var activity = TeamsActivities.Message(ServiceUrl, conversation, TeamsActivities.NewActivityId(), TestKnowledge.DurationQuestion);
        using var response = await PostActivityAsync(activity.ToJsonString(), ValidToken());
        response.EnsureSuccessStatusCode();
        await Connector.WaitForRepliesInAsync(conversation);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        if (Connector is not null) await Connector.DisposeAsync();
        if (TokenEndpoint is not null) await TokenEndpoint.DisposeAsync();
        if (Issuer is not null) await Issuer.DisposeAsync();
    }
}

/// <summary>The Teams test classes share one server and one set of fakes.</summary>
[CollectionDefinition(Name)]
public sealed class TeamsServerCollection : ICollectionFixture<TeamsServerFixture>
{
    public const string Name = "teams server";
}
