using System.Text;
using System.Text.Json.Nodes;
using Botshop.Channels.Slack;
using Botshop.Server.Tests.Infrastructure;
using Botshop.Testing;

namespace Botshop.Server.Tests.Slack;

/// <summary>
/// The real server with Slack on, its Web API pointed at <see cref="FakeSlack"/>. One reply worker, so replies go out
/// in the order questions were accepted: a test proves "no reply" by waiting for the reply to a later question.
/// </summary>
public abstract class SlackServerFixture(TestData data, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    public const string SigningSecret = "server-tests-slack-signing-secret";

    public FakeSlack Slack { get; private set; } = null!;
    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync();
        var all = new Dictionary<string, string>
        {
            ["Slack__SigningSecret"] = SigningSecret,
            ["Slack__BotToken"] = FakeSlack.BotToken,
            ["Slack__ApiBaseUrl"] = Slack.ApiBaseUrl,
            ["Botshop__ReplyWorkers"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        Server = await ServerProcess.StartAsync(all, data);
        await WaitForBotIdentityAsync();
    }

    /// <summary>
    /// The bot learns its own user id from auth.test in the background; tests about its own messages need it learnt.
    /// The server logs the moment (state, not time), so wait for that line.
    /// </summary>
    private async Task WaitForBotIdentityAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!Server.Log.Contains("bot identity learnt from auth.test", StringComparison.Ordinal))
        {
            if (Server.Log.Contains("auth.test failed", StringComparison.Ordinal))
                throw new InvalidOperationException("auth.test failed against the fake Slack:\n" + Server.Log);
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>POSTs a body signed as Slack signs it; the timestamp and signature can be overridden to forge one.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, byte[] body, string contentType,
        long? timestamp = null, string? signature = null, IReadOnlyDictionary<string, string>? headers = null) =>
        PostSignedAsync(Server, path, body, contentType, timestamp, signature, headers);

    /// <summary>POSTs a body signed as Slack signs it to <paramref name="server"/> (configured with <see cref="SigningSecret"/>).</summary>
    public static async Task<HttpResponseMessage> PostSignedAsync(ServerProcess server, string path, byte[] body, string contentType,
        long? timestamp = null, string? signature = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var all = new Dictionary<string, string>
        {
            [SlackSignature.TimestampHeader] = ts,
            [SlackSignature.SignatureHeader] = signature ?? SlackSignature.Compute(SigningSecret, ts, body),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) all[name] = value;
        return await PostAsync(server, path, body, contentType, all);
    }

    /// <summary>POSTs exactly the given headers (none added), for unsigned and half-signed requests.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, byte[] body, string contentType, IReadOnlyDictionary<string, string> headers) =>
        PostAsync(Server, path, body, contentType, headers);

    private static async Task<HttpResponseMessage> PostAsync(ServerProcess server, string path, byte[] body, string contentType,
        IReadOnlyDictionary<string, string> headers)
    {
        using var http = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostEventAsync(JsonObject body, IReadOnlyDictionary<string, string>? headers = null) =>
        PostEventAsync(body.ToJsonString(), headers);

    public Task<HttpResponseMessage> PostEventAsync(string json, IReadOnlyDictionary<string, string>? headers = null) =>
        PostSignedAsync(SlackRoutes.Events, Encoding.UTF8.GetBytes(json), "application/json", headers: headers);

    public Task<HttpResponseMessage> PostCommandAsync(IReadOnlyDictionary<string, string> fields) =>
        PostSignedAsync(SlackRoutes.Commands, Form(fields), FormType);

    public Task<HttpResponseMessage> PostInteractionAsync(JsonObject payload) =>
        PostSignedAsync(SlackRoutes.Interactivity, Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }), FormType);

    public const string FormType = "application/x-www-form-urlencoded";

    /// <summary>A form body encoded as Slack encodes it: the signature covers these bytes exactly.</summary>
    public static byte[] Form(IReadOnlyDictionary<string, string> fields) => Encoding.UTF8.GetBytes(
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));

    /// <summary>Mentions the bot in a fresh channel and waits for the reply; everything accepted before is then done.</summary>
    public async Task DrainRepliesAsync()
    {
        var channel = SlackPayloads.NewChannel();
        using var response = await PostEventAsync(SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion));
        response.EnsureSuccessStatusCode();
        await Slack.WaitForPostMessagesInAsync(channel);
    }

    /// <summary>The channel's stored messages once none is still waiting for its delivery to be recorded.</summary>
    public async Task<IReadOnlyList<StoredMessage>> SettledMessagesInAsync(string conversation, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var stored = await Server.Database.MessagesInConversationAsync("slack", conversation);
            if (stored.Count >= count && stored.All(m => m.DeliveryStatus != "pending")) return stored;
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>The JSON body a request to the fake carried.</summary>
    public static JsonObject BodyOf(RecordedRequest request) => JsonNode.Parse(request.BodyText)!.AsObject();

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        if (Slack is not null) await Slack.DisposeAsync();
    }
}

/// <summary>Slack on the one-posting data set: every conversation is about the Widget Engineer posting.</summary>
public sealed class SlackOnePostingFixture() : SlackServerFixture(TestData.OnePosting);

/// <summary>
/// Slack on the two-posting data set: an unbound conversation must choose a posting first. Two channels are bound to
/// the first posting in configuration (Slack:ChannelPostings), as an operator would set them.
/// </summary>
public sealed class SlackTwoPostingsFixture() : SlackServerFixture(TestData.TwoPostings, new Dictionary<string, string>
{
    ["Slack__ChannelPostings__" + ConfiguredChannel] = TestKnowledge.PostingId,
    ["Slack__ChannelPostings__" + ReboundChannel] = TestKnowledge.PostingId,
})
{
    /// <summary>Bound in configuration and left so.</summary>
    public const string ConfiguredChannel = "CCONFIGURED1";

    /// <summary>Bound in configuration, then rebound by a test with "/ask posting".</summary>
    public const string ReboundChannel = "CCONFIGURED2";
}

[CollectionDefinition(Name)]
public sealed class SlackServerCollection : ICollectionFixture<SlackOnePostingFixture>
{
    public const string Name = "slack server";
}

[CollectionDefinition(Name)]
public sealed class SlackTwoPostingsCollection : ICollectionFixture<SlackTwoPostingsFixture>
{
    public const string Name = "slack server, two postings";
}
