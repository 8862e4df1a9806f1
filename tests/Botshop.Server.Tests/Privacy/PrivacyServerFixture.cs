using System.Text;
using System.Text.Json.Nodes;
using Botshop.Channels.Slack;
using Botshop.Core;
using Botshop.Server.Composition;
using Botshop.Server.Tests.Infrastructure;
using Botshop.Server.Tests.Slack;
using Botshop.Server.Tests.Teams;
using Botshop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Server.Tests.Privacy;

/// <summary>
/// One real server with all three channels on: the web chat, Slack (Web API on <see cref="FakeSlack"/>) and Teams
/// (authenticated, with the fake issuer, token endpoint and Bot Connector), so one store sees every channel's data.
/// </summary>
public sealed class PrivacyServerFixture : IAsyncLifetime
{
    public const string TeamsAppId = TeamsServerFixture.AppId;

    public FakeSlack Slack { get; private set; } = null!;
    public FakeBotFrameworkIssuer Issuer { get; private set; } = null!;
    public LoopbackServer TokenEndpoint { get; private set; } = null!;
    public LoopbackServer Connector { get; private set; } = null!;
    public ServerProcess Server { get; private set; } = null!;

    /// <summary>What the server was configured with, as configuration keys (the child process got them as Section__Key).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public string ServiceUrl => new Uri(Connector.BaseUri, "amer/").ToString();

    /// <summary>The pseudonyms the server stores, computed with its key.</summary>
    public UserPseudonym Pseudonym { get; } = new(Convert.FromBase64String(TrainedTemplate.UserHashKey));

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync();
        Issuer = await FakeBotFrameworkIssuer.StartAsync();
        TokenEndpoint = await LoopbackServer.StartAsync(TeamsServerFixture.IssueTokenAsync);
        Connector = await LoopbackServer.StartAsync(TeamsServerFixture.AcceptActivityAsync);
        var environment = new Dictionary<string, string>
        {
            ["Slack__SigningSecret"] = SlackServerFixture.SigningSecret,
            ["Slack__BotToken"] = FakeSlack.BotToken,
            ["Slack__ApiBaseUrl"] = Slack.ApiBaseUrl,
            ["Teams__AppId"] = TeamsServerFixture.AppId,
            ["Teams__AppPassword"] = TeamsServerFixture.AppPassword,
            ["Teams__OpenIdMetadataUrl"] = Issuer.MetadataUrl,
            ["Teams__TokenEndpoint"] = new Uri(TokenEndpoint.BaseUri, "token").ToString(),
            ["Teams__AllowedServiceUrls__0"] = ServiceUrl,
            ["Botshop__ReplyWorkers"] = "1",
            // Everything the tests ask is new; a test plants a message older than a day and watches it go.
            ["Privacy__RetentionDays"] = "1",
            ["Privacy__PurgeInterval"] = "00:00:01",
        };
        Server = await ServerProcess.StartAsync(environment);
        foreach (var (key, value) in environment) Settings[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        Settings["ConnectionStrings:Botshop"] = $"Data Source={Server.DatabaseFile}";
        Settings["Botshop:UserHashKey"] = TrainedTemplate.UserHashKey;
        Settings["Botshop:DataPath"] = (await TrainedTemplate.GetAsync()).DataFolder;
    }

    /// <summary>
    /// The server's own services, built in this test process on the same store and configuration but not started:
    /// what a dashboard page calls (IRecruiterReplies) runs here exactly as in the server. Dispose after use.
    /// </summary>
    public WebApplication InProcessServices() => InProcessServices(Settings);

    /// <summary>The server's services on <paramref name="settings"/> (configuration keys), built here and not started.</summary>
    public static WebApplication InProcessServices(IReadOnlyDictionary<string, string> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddBotshopServer();
        return builder.Build();
    }

    public async Task<HttpResponseMessage> PostSlackAsync(string path, byte[] body, string contentType)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var http = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation(SlackSignature.TimestampHeader, ts);
        request.Headers.TryAddWithoutValidation(SlackSignature.SignatureHeader, SlackSignature.Compute(SlackServerFixture.SigningSecret, ts, body));
        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostSlackEventAsync(JsonObject body) =>
        PostSlackAsync(SlackRoutes.Events, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");

    public Task<HttpResponseMessage> PostSlackCommandAsync(IReadOnlyDictionary<string, string> fields) =>
        PostSlackAsync(SlackRoutes.Commands, SlackServerFixture.Form(fields), SlackServerFixture.FormType);

    public async Task<HttpResponseMessage> PostTeamsAsync(JsonObject activity)
    {
        using var http = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer",
            FakeBotFrameworkIssuer.Mint(Issuer.KeyOf("k1"), "k1", audience: TeamsServerFixture.AppId, serviceUrl: ServiceUrl));
        return await http.SendAsync(request);
    }

    /// <summary>Fails the test unless the server accepted the request.</summary>
    public static async Task AcceptedAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        if (Connector is not null) await Connector.DisposeAsync();
        if (TokenEndpoint is not null) await TokenEndpoint.DisposeAsync();
        if (Issuer is not null) await Issuer.DisposeAsync();
        if (Slack is not null) await Slack.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PrivacyServerCollection : ICollectionFixture<PrivacyServerFixture>
{
    public const string Name = "privacy server (web, Slack, Teams)";
}
