using System.Text;
using System.Text.Json;
using Botshop.Channels.Teams;
using Botshop.Core;
using Botshop.Core.Conversations;

namespace Botshop.Channels.Tests.Teams;

public sealed class TeamsActivityMapperTests
{
    private static readonly UserPseudonym Pseudonyms = new(Encoding.UTF8.GetBytes("test-key"));
    private readonly TeamsActivityParser _parser = new();
    private readonly TeamsActivityMapper _mapper = new();

    private TeamsActivity Parse(string extraFields)
    {
        var json = $$"""
            {"type":"message","id":"1700000000001","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/amer/",
             "from":{"id":"29:user-1","name":"Ada","aadObjectId":"aad-1"},"recipient":{"id":"28:bot","name":"JobBot"},
             "conversation":{"id":"19:chan;messageid=17","conversationType":"channel","tenantId":"t1"},{{extraFields}}}
            """;
        var result = _parser.Parse(Encoding.UTF8.GetBytes(json));
        Assert.True(result.Success, result.Error);
        return result.Activity!;
    }

    [Fact]
    public void Channel_mention_of_the_bot_is_removed_from_the_question()
    {
        var activity = Parse("""
            "text":"<at>JobBot</at> what&#39;s the salary &amp; bonus?",
            "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"JobBot"},"text":"<at>JobBot</at>"},{"type":"clientInfo","locale":"en-US"}]
            """);

        var question = Assert.IsType<TeamsQuestion>(_mapper.Map(activity, Pseudonyms));

        Assert.Equal(new IncomingMessage("msteams", "19:chan;messageid=17", Pseudonyms.For("msteams", "29:user-1"),
            "what's the salary & bonus?", ExternalId: "1700000000001"), question.Message);
    }

    [Fact]
    public void Mentions_of_other_people_stay_in_the_text()
    {
        var activity = Parse("""
            "text":"<at>JobBot</at> does <at>Grace</at> know?",
            "entities":[{"type":"mention","mentioned":{"id":"29:grace","name":"Grace"},"text":"<at>Grace</at>"},
                        {"type":"mention","mentioned":{"id":"28:bot","name":"JobBot"},"text":"<at>JobBot</at>"}]
            """);
        Assert.Equal("does Grace know?", Assert.IsType<TeamsQuestion>(_mapper.Map(activity, Pseudonyms)).Message.Text);
    }

    [Fact]
    public void Mention_markup_without_entities_is_stripped_by_the_fallback() =>
        Assert.Equal("remote work for <at>me</at>?", MentionText.StripBotMention(Parse("""
            "text":"  <at>Job Bot</at>   remote work for &lt;at&gt;me&lt;/at&gt;?  "
            """)));

    [Fact]
    public void User_ids_never_reach_the_message()
    {
        var question = Assert.IsType<TeamsQuestion>(_mapper.Map(Parse("\"text\":\"hi\""), Pseudonyms));
        Assert.StartsWith("u_", question.Message.UserRef);
        Assert.DoesNotContain("user-1", question.Message.UserRef);
    }

    [Fact]
    public void Feedback_submit_becomes_a_vote_on_our_message()
    {
        var inbound = _mapper.Map(Parse("""
            "replyToId":"card-1","value":{"kind":"feedback","messageId":42,"vote":"down"}
            """), Pseudonyms);

        var feedback = Assert.IsType<TeamsFeedback>(inbound);
        Assert.Equal((42L, FeedbackVote.Down, Pseudonyms.For("msteams", "29:user-1")), (feedback.MessageId, feedback.Vote, feedback.UserRef));
        Assert.Null(TeamsInvokeResponse.For(inbound)); // a message activity is answered with an empty 200
    }

    [Theory]
    [InlineData("""{"kind":"feedback","messageId":42,"vote":"sideways"}""")]
    [InlineData("""{"kind":"feedback","messageId":"forty-two","vote":"up"}""")]
    [InlineData("""{"kind":"launch-missiles"}""")]
    [InlineData("""{"kind":"choice","value":"intent:"}""")]
    [InlineData("""{"kind":"choice","value":"drop table"}""")]
    public void Malformed_card_data_is_ignored(string data) =>
        Assert.IsType<TeamsIgnored>(_mapper.Map(Parse($"\"value\":{data}"), Pseudonyms));

    [Fact]
    public void Intent_choice_is_answered_without_classifying()
    {
        var question = Assert.IsType<TeamsQuestion>(_mapper.Map(Parse("""
            "value":{"kind":"choice","value":"intent:remote_work","label":"Remote work"}
            """), Pseudonyms));

        Assert.Equal("remote_work", question.Message.ChosenIntent);
        Assert.Equal("Remote work", question.Message.Text);
    }

    [Fact]
    public void Posting_choice_binds_the_posting()
    {
        var choice = Assert.IsType<TeamsPostingChoice>(_mapper.Map(Parse("""
            "value":{"kind":"choice","value":"posting:backend-2026","label":"Backend engineer"}
            """), Pseudonyms));

        Assert.Equal("backend-2026", choice.PostingId);
        Assert.Equal("backend-2026", choice.Message.PostingId);
        Assert.Equal("19:chan;messageid=17", choice.Message.ConversationId);
    }

    [Fact]
    public void Adaptive_card_action_invoke_is_thanked_in_the_protocol_shape()
    {
        var inbound = _mapper.Map(Parse("""
            "type":"invoke","name":"adaptiveCard/action",
            "value":{"action":{"type":"Action.Execute","verb":"feedback","data":{"kind":"feedback","messageId":"7","vote":"up"}}}
            """.Replace("\"type\":\"invoke\",", "")) with { Type = "invoke" }, Pseudonyms);

        Assert.Equal(7, Assert.IsType<TeamsFeedback>(inbound).MessageId);
        var response = TeamsInvokeResponse.For(inbound)!;
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Thanks for the feedback!"}""",
            response.Body!.ToJsonString());
    }

    [Fact]
    public void Unhandled_invoke_gets_501()
    {
        var inbound = _mapper.Map(Parse("\"name\":\"composeExtension/query\"") with { Type = "invoke" }, Pseudonyms);
        Assert.IsType<TeamsIgnored>(inbound);
        Assert.Equal(new TeamsInvokeResponse(501, null), TeamsInvokeResponse.For(inbound));
    }

    [Fact]
    public void Bot_added_to_a_conversation_is_a_welcome()
    {
        var activity = Parse("""
            "membersAdded":[{"id":"29:user-1"},{"id":"28:bot"}]
            """) with { Type = "conversationUpdate" };
        Assert.Equal("19:chan;messageid=17", Assert.IsType<TeamsWelcome>(_mapper.Map(activity, Pseudonyms)).ConversationId);
    }

    [Fact]
    public void Someone_else_joining_is_not_a_welcome()
    {
        var activity = Parse("""
            "membersAdded":[{"id":"29:user-2"}]
            """) with { Type = "conversationUpdate" };
        Assert.IsType<TeamsIgnored>(_mapper.Map(activity, Pseudonyms));
    }
}
