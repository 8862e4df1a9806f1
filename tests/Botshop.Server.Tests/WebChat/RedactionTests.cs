using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.WebChat;

/// <summary>Contact details in a web chat question never reach the database, unless redaction is explicitly off.</summary>
[Collection(WebServerCollection.Name)]
public sealed class RedactionTests(ServerFixture fixture)
{
    private const string Question = "How long is the internship? Write to jane.doe@example.com or call +44 20 7946 0958";

    [Fact]
    public async Task Email_and_phone_in_a_question_are_stored_as_placeholders()
    {
        using var http = fixture.Server.CreateClient();
        var conversation = ChatClient.NewConversationId();

        await new ChatClient(http).AskAsync(conversation, Question);

        var stored = Assert.Single(await fixture.Server.Database.MessagesInConversationAsync("web", conversation));
        Assert.Equal("How long is the internship? Write to [email] or call [phone]", stored.Question);
    }

    [Fact]
    public async Task With_redaction_turned_off_the_question_is_stored_as_written()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Privacy__Redaction"] = "false" });
        using var http = server.CreateClient();
        var conversation = ChatClient.NewConversationId();

        await new ChatClient(http).AskAsync(conversation, Question);

        var stored = Assert.Single(await server.Database.MessagesInConversationAsync("web", conversation));
        Assert.Equal(Question, stored.Question);
    }
}
