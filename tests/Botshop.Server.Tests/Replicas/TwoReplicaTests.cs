using System.Net;
using Botshop.Core.Knowledge;
using Botshop.Server.Tests.Infrastructure;
using Botshop.Server.Tests.Slack;
using Botshop.Server.Tests.Teams;
using Botshop.Storage;

namespace Botshop.Server.Tests.Replicas;

[Collection(TwoReplicaCollection.Name)]
public sealed class TwoReplicaTests(TwoReplicaFixture replicas)
{
    private static Dictionary<string, string> Retry(int n) => new() { ["X-Slack-Retry-Num"] = n.ToString(), ["X-Slack-Retry-Reason"] = "http_timeout" };

    [Fact]
    public async Task Slack_event_delivered_to_one_replica_and_retried_to_the_other_is_answered_once()
    {
        var channel = SlackPayloads.NewChannel();
        var json = SlackPayloads.AppMention(channel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion).ToJsonString();
        // A second event reaches both replicas at the same moment: only the store can tell them apart.
        var raceChannel = SlackPayloads.NewChannel();
        var raceJson = SlackPayloads.AppMention(raceChannel, SlackPayloads.NewTs(), "<@UBOT> " + TestKnowledge.DurationQuestion).ToJsonString();

        var statuses = new List<HttpStatusCode>();
        using (var first = await replicas.PostSlackEventAsync(replicas.A, json)) statuses.Add(first.StatusCode);
        using (var retry = await replicas.PostSlackEventAsync(replicas.B, json, Retry(1))) statuses.Add(retry.StatusCode);
        var race = await Task.WhenAll(replicas.PostSlackEventAsync(replicas.A, raceJson), replicas.PostSlackEventAsync(replicas.B, raceJson, Retry(1)));
        statuses.AddRange(race.Select(r => r.StatusCode));
        foreach (var r in race) r.Dispose();
        await replicas.DrainRepliesAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        foreach (var c in new[] { channel, raceChannel })
        {
            Assert.Single(replicas.Slack.PostMessagesIn(c));
            Assert.Equal("delivered", Assert.Single(await replicas.SettledMessagesAsync("slack", c)).DeliveryStatus);
        }
    }

    [Fact]
    public async Task Teams_activity_delivered_to_one_replica_and_again_to_the_other_is_answered_once()
    {
        var conversation = TeamsActivities.NewConversationId();
        var activity = TeamsActivities.Message(replicas.ServiceUrl, conversation, TeamsActivities.NewActivityId(), TestKnowledge.DurationQuestion).ToJsonString();

        using (var first = await replicas.PostActivityAsync(replicas.A, activity))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using (var again = await replicas.PostActivityAsync(replicas.B, activity))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await replicas.DrainRepliesAsync();

        Assert.Single(replicas.Connector.RepliesIn(conversation));
        Assert.Equal("delivered", Assert.Single(await replicas.SettledMessagesAsync("msteams", conversation)).DeliveryStatus);
    }

    [Fact]
    public async Task Model_version_promoted_in_the_shared_store_is_served_by_both_replicas()
    {
        var models = new ModelVersionStore(replicas.Store);
        var (active, bytes) = (await models.GetActiveAsync(default))!.Value;

        // What `botshop train` or a promotion on any replica does: store a version and make it the active one.
        var promoted = await models.SaveAsync(active with { CreatedAt = DateTimeOffset.UtcNow }, bytes, activate: true, default);

        foreach (var replica in replicas.Both)
        {
            await replica.WaitForLogAsync($"Serving model version {promoted} (was ", TwoReplicaFixture.Patience);
            var reply = await TwoReplicaFixture.AskOnWebAsync(replica, TestKnowledge.DurationQuestion);
            Assert.Equal(promoted.ToString(), await replicas.ModelVersionOfAsync((long)reply["messageId"]!));
        }
    }

    [Fact]
    public async Task Answer_edited_in_the_shared_store_is_served_by_both_replicas()
    {
        var knowledge = new KnowledgeStore(replicas.Store);
        var edited = "The internship lasts 12 weeks, starting in June (edit " + Guid.NewGuid().ToString("n")[..8] + ").";

        await knowledge.ImportAsync(WithDurationAnswer(await knowledge.LoadAsync(default), edited), default);
        var version = (await new StoreStamps(replicas.Store).ReadAsync(default)).KnowledgeVersion;

        foreach (var replica in replicas.Both)
        {
            await replica.WaitForLogAsync($"Knowledge version {version} loaded", TwoReplicaFixture.Patience);
            var reply = await TwoReplicaFixture.AskOnWebAsync(replica, TestKnowledge.DurationQuestion);
            Assert.Equal(edited, (string?)reply["text"]);
        }
    }

    private static KnowledgeBase WithDurationAnswer(KnowledgeBase knowledge, string text) => new(
        knowledge.Postings,
        knowledge.Intents.Select(i => i.Answers.TryGetValue(TestKnowledge.PostingId, out var answer) && answer.Text == TestKnowledge.DurationAnswer
            ? i with { Answers = new Dictionary<string, PostingAnswer>(i.Answers) { [TestKnowledge.PostingId] = answer with { Text = text } } }
            : i));
}
