using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Botshop.Channels.Slack;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Slack;

[Collection(SlackServerCollection.Name)]
public sealed class SlackCommandTests(SlackOnePostingFixture slack)
{
    [Fact]
    public async Task Ask_without_text_answers_at_once_with_ephemeral_help()
    {
        var responseUrl = slack.Slack.NewResponseUrl();

        using var response = await slack.PostCommandAsync(SlackPayloads.AskCommand(SlackPayloads.NewChannel(), "", responseUrl));

        var body = await JsonBodyAsync(response);
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.StartsWith($"Ask me anything about the {TestKnowledge.PostingTitle} posting", (string?)body["text"]);
        Assert.Contains(TestKnowledge.DurationQuestion, (string?)body["text"]);
        Assert.NotEmpty(body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task Ask_with_a_question_acknowledges_then_posts_the_answer_to_the_response_url()
    {
        var channel = SlackPayloads.NewChannel();
        var responseUrl = slack.Slack.NewResponseUrl();

        using var response = await slack.PostCommandAsync(SlackPayloads.AskCommand(channel, "how long is the internship", responseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await slack.Slack.WaitForPostsToAsync(responseUrl));
        // The response_url is the credential: our bot token must never travel with it.
        Assert.Null(post.Header("Authorization"));
        var body = SlackServerFixture.BodyOf(post);
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Equal(TestKnowledge.DurationAnswer, (string?)body["text"]);
        Assert.Empty(slack.Slack.PostMessagesIn(channel));
        var stored = Assert.Single(await slack.SettledMessagesInAsync(channel));
        Assert.Equal(("how long is the internship", "Answered", "delivered"), (stored.Question, stored.ReplyKind, stored.DeliveryStatus));
    }

    [Fact]
    public async Task Unsigned_ssl_check_is_answered_200()
    {
        var body = SlackServerFixture.Form(new Dictionary<string, string> { ["ssl_check"] = "1", ["token"] = "legacy" });

        using var response = await slack.PostAsync(SlackRoutes.Commands, body, SlackServerFixture.FormType, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unsigned_command_is_refused_with_401_and_not_answered()
    {
        var channel = SlackPayloads.NewChannel();
        var responseUrl = slack.Slack.NewResponseUrl();
        var body = SlackServerFixture.Form(SlackPayloads.AskCommand(channel, TestKnowledge.DurationQuestion, responseUrl));

        using var response = await slack.PostAsync(SlackRoutes.Commands, body, SlackServerFixture.FormType, new Dictionary<string, string>());
        await slack.DrainRepliesAsync();

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(slack.Slack.PostsTo(responseUrl));
        Assert.Empty(await slack.Server.Database.MessagesInConversationAsync("slack", channel));
    }

    internal static async Task<JsonObject> JsonBodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(Encoding.UTF8.GetBytes(text))!.AsObject();
    }
}
