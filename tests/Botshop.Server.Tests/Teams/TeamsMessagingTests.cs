using System.Net;
using System.Text.Json.Nodes;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Teams;

[Collection(TeamsServerCollection.Name)]
public sealed class TeamsMessagingTests(TeamsServerFixture teams)
{
    [Fact]
    public async Task Authenticated_question_gets_one_adaptive_card_reply_with_our_connector_token()
    {
        var conversation = TeamsActivities.NewConversationId();
        var activityId = TeamsActivities.NewActivityId();
        var activity = TeamsActivities.Message(teams.ServiceUrl, conversation, activityId, TestKnowledge.DurationQuestion);

        using var response = await teams.PostActivityAsync(activity.ToJsonString(), teams.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await teams.Connector.WaitForRepliesInAsync(conversation));
        Assert.Equal("POST", reply.Method);
        Assert.Equal(TeamsActivities.ReplyPath(conversation, activityId), reply.Path);
        Assert.Equal("Bearer " + TeamsServerFixture.ConnectorToken, reply.Header("Authorization"));
        Assert.Equal(conversation, reply.Header("x-ms-conversation-id"));

        var body = JsonNode.Parse(reply.BodyText)!;
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal(activityId, (string?)body["replyToId"]);
        Assert.Equal(TestKnowledge.DurationAnswer, (string?)body["text"]);
        var attachment = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        var texts = card["body"]!.AsArray().Select(b => (string?)b!["text"]).ToList();
        Assert.Equal(TestKnowledge.DurationAnswer, texts[0]);
        Assert.Contains(texts, t => t!.Contains(TestKnowledge.DurationPassageText));

        var stored = Assert.Single(await teams.Server.Database.MessagesInConversationAsync("msteams", conversation));
        Assert.Equal((activityId, TestKnowledge.DurationQuestion, "Answered"), (stored.ExternalId, stored.Question, stored.ReplyKind));
        var feedback = card["actions"]!.AsArray().Select(a => a!["data"]!).ToList();
        Assert.All(feedback, data => Assert.Equal(stored.Id, (long)data["messageId"]!));
        Assert.Equal(["up", "down"], feedback.Select(d => (string?)d["vote"]));
    }

    [Fact]
    public async Task Redelivered_activity_is_recorded_and_answered_once()
    {
        var conversation = TeamsActivities.NewConversationId();
        var activity = TeamsActivities.Message(teams.ServiceUrl, conversation, TeamsActivities.NewActivityId(), TestKnowledge.DurationQuestion).ToJsonString();

        using (var first = await teams.PostActivityAsync(activity, teams.ValidToken()))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using (var again = await teams.PostActivityAsync(activity, teams.ValidToken()))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await teams.DrainRepliesAsync();

        Assert.Single(teams.Connector.RepliesIn(conversation));
        var stored = Assert.Single(await teams.Server.Database.MessagesInConversationAsync("msteams", conversation));
        Assert.Equal("delivered", stored.DeliveryStatus);
    }

    [Fact]
    public async Task Feedback_button_press_stores_the_vote_without_recording_a_question()
    {
        var conversation = TeamsActivities.NewConversationId();
        var question = TeamsActivities.Message(teams.ServiceUrl, conversation, TeamsActivities.NewActivityId(), TestKnowledge.DurationQuestion);
        using (var asked = await teams.PostActivityAsync(question.ToJsonString(), teams.ValidToken()))
            asked.EnsureSuccessStatusCode();
        var card = JsonNode.Parse(Assert.Single(await teams.Connector.WaitForRepliesInAsync(conversation)).BodyText)!["attachments"]![0]!["content"]!;
        var helpful = card["actions"]!.AsArray().Single(a => (string?)a!["data"]!["vote"] == "up")!["data"]!;

        var press = TeamsActivities.CardSubmit(teams.ServiceUrl, conversation, "reply-card-id", helpful);
        using var response = await teams.PostActivityAsync(press.ToJsonString(), teams.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await teams.Server.Database.MessagesInConversationAsync("msteams", conversation));
        Assert.Equal(1, Assert.Single(await teams.Server.Database.VotesAsync(stored.Id)).Vote);
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_400_and_the_reason()
    {
        using var response = await teams.PostActivityAsync("{\"type\": \"message\", \"id\": ", teams.ValidToken());

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("The body is not a valid activity", Problem.Detail(problem));
    }

    [Fact]
    public async Task Activity_without_a_service_url_is_refused_with_400()
    {
        var activity = TeamsActivities.Message(teams.ServiceUrl, TeamsActivities.NewConversationId(), TeamsActivities.NewActivityId(), "hi");
        activity.Remove("serviceUrl");

        using var response = await teams.PostActivityAsync(activity.ToJsonString(), teams.ValidToken());

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("serviceUrl", Problem.Detail(problem));
    }

    [Fact]
    public async Task Body_over_the_64_KiB_limit_is_refused_with_413_and_not_recorded()
    {
        var conversation = TeamsActivities.NewConversationId();
        var activity = TeamsActivities.Message(teams.ServiceUrl, conversation, TeamsActivities.NewActivityId(), TestKnowledge.DurationQuestion);
        activity["channelData"] = new JsonObject { ["padding"] = new string('x', 64 * 1024) };

        using var response = await teams.PostActivityAsync(activity.ToJsonString(), teams.ValidToken());

        await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await teams.Server.Database.MessagesInConversationAsync("msteams", conversation));
    }
}
