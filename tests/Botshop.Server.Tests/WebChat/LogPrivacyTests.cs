using System.Net;
using System.Text;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.WebChat;

/// <summary>Candidates' words and addresses stay out of the server's logs, on the happy path and the error paths.</summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task Server_output_contains_no_question_text_and_no_client_address()
    {
        var marker = "zq" + Guid.NewGuid().ToString("n");
        await using var server = await ServerProcess.StartAsync();
        using var http = server.CreateClient();
        var chat = new ChatClient(http);
        var conversation = ChatClient.NewConversationId();

        await chat.AskAsync(conversation, $"How long is the internship? {marker}");
        await chat.AskAsync(conversation, $"What is the salary {marker}?");
        using (var tooLong = await chat.PostQuestionAsync(new { postingId = TestKnowledge.PostingId, conversationId = conversation, text = marker + new string('x', 2000) }))
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        using (var malformed = await http.PostAsync("api/chat/messages", new StringContent($"{{\"text\": \"{marker}\", ", Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await server.StopAsync();

        // The capture works: the server's own lines are there.
        Assert.Contains("Now listening on: http://127.0.0.1:", server.Log);
        Assert.Contains("Ready: serving 1 postings", server.Log);
        Assert.Equal(2, (await server.Database.MessagesInConversationAsync("web", conversation)).Count);
        Assert.DoesNotContain(marker, server.Log);
        Assert.DoesNotContain(ServerProcess.ClientAddress.ToString(), server.Log);
    }
}
