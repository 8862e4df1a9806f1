using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Botshop.Channels.Slack;
using Botshop.Server.Tests.Infrastructure;
using Botshop.Server.Tests.Slack;
using Botshop.Server.Tests.Teams;
using Botshop.Storage;
using Botshop.Testing;
using Dapper;

namespace Botshop.Server.Tests.Replicas;

/// <summary>
/// Two real server processes, A and B, on two loopback ports, sharing one PostgreSQL database (on the server
/// BOTSHOP_TEST_POSTGRES names), one fake Slack and one fake Bot Connector, as two replicas behind a load balancer.
/// A starts first on the empty database and trains the first model into it; B then loads that model. One reply
/// worker each, so a replica's replies go out in the order its questions were accepted.
/// </summary>
public sealed class TwoReplicaFixture : IAsyncLifetime
{
    /// <summary>How long a replica may take to act on something; a deadline for a failing test, not a measurement.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private string? _dataRoot;

    public PostgresScratchDatabase Postgres { get; private set; } = null!;

    /// <summary>The test's own connection to the shared store: to read what was stored and to promote models.</summary>
    public BotshopDatabase Store { get; private set; } = null!;

    public FakeSlack Slack { get; private set; } = null!;
    public LoopbackServer Connector { get; private set; } = null!;
    public ServerProcess A { get; private set; } = null!;
    public ServerProcess B { get; private set; } = null!;

    public IEnumerable<ServerProcess> Both => [A, B];

    /// <summary>The serviceUrl our fake Teams puts in activities: the fake connector.</summary>
    public string ServiceUrl => new Uri(Connector.BaseUri, "amer/").ToString();

    public async Task InitializeAsync()
    {
        Postgres = new PostgresScratchDatabase();
        Store = new BotshopDatabase(new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = Postgres.ConnectionString });
        Slack = await FakeSlack.StartAsync();
        Connector = await LoopbackServer.StartAsync(TeamsServerFixture.AcceptActivityAsync);
        _dataRoot = Directory.CreateTempSubdirectory("botshop-replicas-").FullName;
        var data = TestKnowledge.WriteDataFolder(_dataRoot);

        var store = new Dictionary<string, string>
        {
            ["Database__Provider"] = StorageOptions.Postgres,
            ["ConnectionStrings__Botshop"] = Postgres.ConnectionString,
        };
        var settings = new Dictionary<string, string>
        {
            ["Slack__SigningSecret"] = SlackServerFixture.SigningSecret,
            ["Slack__BotToken"] = FakeSlack.BotToken,
            ["Slack__ApiBaseUrl"] = Slack.ApiBaseUrl,
            // No Teams:AppId: the Bot Framework's local mode, loopback callers only.
            ["Teams__AllowedServiceUrls__0"] = ServiceUrl,
            ["Botshop__ReplyWorkers"] = "1",
            // Longer than the whole run: a change can reach the other replica only through the store's notification.
            ["Models__PollSeconds"] = "3600",
        };
        A = await ServerProcess.StartOnStoreAsync(store, data, settings);
        B = await ServerProcess.StartOnStoreAsync(store, data, settings);
        foreach (var replica in Both) await replica.WaitForLogAsync("bot identity learnt from auth.test", Patience);
    }

    public Task<HttpResponseMessage> PostSlackEventAsync(ServerProcess replica, string json, IReadOnlyDictionary<string, string>? headers = null) =>
        SlackServerFixture.PostSignedAsync(replica, SlackRoutes.Events, Encoding.UTF8.GetBytes(json), "application/json", headers: headers);

    public async Task<HttpResponseMessage> PostActivityAsync(ServerProcess replica, string json)
    {
        using var http = replica.CreateClient();
        return await http.PostAsync("api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
    }

    /// <summary>
    /// Asks each replica a fresh question on Slack and on Teams and waits for the replies: with one reply worker per
    /// replica, everything either accepted before has been answered by then, so a missing reply is really missing.
    /// </summary>
    public async Task DrainRepliesAsync()
    {
        foreach (var replica in Both)
        {
            var channel = SlackPayloads.NewChannel();
            using (var slack = await PostSlackEventAsync(replica, SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion).ToJsonString()))
                slack.EnsureSuccessStatusCode();
            var conversation = TeamsActivities.NewConversationId();
            using (var teams = await PostActivityAsync(replica, TeamsActivities.Message(ServiceUrl, conversation, TeamsActivities.NewActivityId(), TestKnowledge.DurationQuestion).ToJsonString()))
                teams.EnsureSuccessStatusCode();
            await Slack.WaitForPostMessagesInAsync(channel).WaitAsync(Patience);
            await Connector.WaitForRepliesInAsync(conversation).WaitAsync(Patience);
        }
    }

    /// <summary>Asks on a replica's web chat and returns the stored message id of the question.</summary>
    public static async Task<JsonObject> AskOnWebAsync(ServerProcess replica, string question)
    {
        using var http = replica.CreateClient();
        return await new ChatClient(http).AskAsync(ChatClient.NewConversationId(), question);
    }

    /// <summary>The conversation's messages in the shared store once none is still waiting for its delivery to be recorded.</summary>
    public async Task<IReadOnlyList<StoredMessage>> SettledMessagesAsync(string channel, string conversation)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            await using var connection = await Store.OpenAsync();
            var stored = (await connection.QueryAsync<StoredMessage>("""
                SELECT m.id, m.channel, c.external_id AS conversation, m.external_id AS externalid, m.question,
                       m.reply_kind AS replykind, m.delivery_status AS deliverystatus, m.delivery_error AS deliveryerror,
                       m.posting_id AS postingid
                FROM messages m JOIN conversations c ON c.id = m.conversation_id
                WHERE m.channel = @channel AND c.external_id = @conversation ORDER BY m.id
                """, new { channel, conversation })).AsList();
            if (stored.Count > 0 && stored.All(m => m.DeliveryStatus != "pending")) return stored;
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>The model version a stored reply was given with.</summary>
    public async Task<string?> ModelVersionOfAsync(long messageId)
    {
        await using var connection = await Store.OpenAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT model_version FROM messages WHERE id = @messageId", new { messageId });
    }

    public async Task DisposeAsync()
    {
        // Servers first: they hold connections the database drop would otherwise have to force closed.
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (Connector is not null) await Connector.DisposeAsync();
        if (Slack is not null) await Slack.DisposeAsync();
        if (Store is not null) await Store.DisposeAsync();
        Postgres?.Dispose();
        if (_dataRoot is not null) TrainedTemplate.DeleteQuietly(_dataRoot);
    }
}

[CollectionDefinition(Name)]
public sealed class TwoReplicaCollection : ICollectionFixture<TwoReplicaFixture>
{
    public const string Name = "two replicas on one PostgreSQL";
}
