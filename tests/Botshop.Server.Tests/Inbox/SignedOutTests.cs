using System.Net;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Inbox;

[Collection(WebServerCollection.Name)]
public sealed class SignedOutTests(ServerFixture fixture)
{
    [Theory]
    [InlineData("admin/inbox")]
    [InlineData("admin/knowledge")]
    [InlineData("admin/knowledge/duration")]
    public async Task The_inbox_and_knowledge_pages_send_a_signed_out_visitor_to_sign_in(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.BaseUri };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_posted_without_signing_in_changes_nothing()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.BaseUri };
        var chat = new ChatClient(fixture.Server.CreateClient());
        var reply = await chat.AskAsync(ChatClient.NewConversationId(), "do you sponsor work visas for interns");

        using var response = await client.PostAsync("admin/inbox?handler=Dismiss",
            new FormUrlEncodedContent([new("Selected", ((long)reply["messageId"]!).ToString())]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        var stored = await fixture.Server.Database.AllMessagesAsync();
        Assert.Contains(stored, m => m.Id == (long)reply["messageId"]!);
        Assert.Null(await ReviewState.OfAsync(fixture.Server.DatabaseFile, (long)reply["messageId"]!));
    }
}
