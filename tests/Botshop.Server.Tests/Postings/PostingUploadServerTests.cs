using System.Text;
using System.Text.Json.Nodes;
using Botshop.Hosting;
using Botshop.Hosting.Postings;
using Botshop.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Server.Tests.Postings;

/// <summary>
/// A posting uploaded through the admin services (the ones the /admin/postings pages call) is what the web chat
/// offers and answers from: the server starts on the store the upload wrote to.
/// </summary>
public sealed class PostingUploadServerTests : IAsyncLifetime
{
    private const string NewPostingId = "sprocket-tester";
    private const string NewDurationLine = "Interns commit to a 12 week internship starting in June at the sprocket lab.";

    private static readonly string NewPosting = $"""
        Sprocket Tester

        Rolling basis

        We test sprockets until they squeak, then we test them some more.

        What to expect

          • {NewDurationLine}
          • A sprocket of your own to take home.
        """;

    private string _folder = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        var template = await TrainedTemplate.GetAsync();
        _database = template.CopyDatabase();
        _folder = Path.GetDirectoryName(_database)!;
    }

    public Task DisposeAsync()
    {
        TrainedTemplate.DeleteQuietly(_folder);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Uploaded_posting_is_in_the_chat_postings_list_and_its_approved_draft_is_answered_with_its_passage()
    {
        var template = await TrainedTemplate.GetAsync();
        await using (var admin = AdminServices(template))
        {
            var uploads = admin.GetRequiredService<PostingUploads>();
            await admin.GetRequiredService<BotBootstrapper>().StartAsync(progress: null, default);
            var result = await uploads.UploadAsync(new PostingUpload(NewPostingId + ".txt", Encoding.UTF8.GetBytes(NewPosting)), "ana", default);
            Assert.Contains(result.Drafts, d => d.Intent == "duration");
            var approved = await admin.GetRequiredService<DraftReview>().ApproveAsync("duration", NewPostingId, null, "ana", default);
            Assert.True(approved.Succeeded, approved.Error);
        }
        SqliteConnection.ClearAllPools();

        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["ConnectionStrings__Botshop"] = $"Data Source={_database}" });
        using var client = server.CreateClient();
        var postings = JsonNode.Parse(await client.GetStringAsync("api/chat/postings"))!.AsArray();
        var reply = await new ChatClient(client).AskAsync(ChatClient.NewConversationId(), TestKnowledge.DurationQuestion, NewPostingId);
        var other = await new ChatClient(client).AskAsync(ChatClient.NewConversationId(), "How do I apply?", NewPostingId);

        Assert.Contains(postings, p => (string?)p!["id"] == NewPostingId && (string?)p["title"] == "Sprocket Tester");
        Assert.Equal("Answered", (string?)reply["kind"]);
        Assert.Equal(NewDurationLine, (string?)reply["text"]);
        Assert.Equal(NewDurationLine, (string?)Assert.Single(reply["sources"]!.AsArray())!["text"]);
        // Only the approved draft is served: a topic the new posting has no live answer for is handed off.
        Assert.Equal("NotInPosting", (string?)other["kind"]);
    }

    /// <summary>The admin services over the copied store, built as the server builds them.</summary>
    private ServiceProvider AdminServices(TrainedTemplate template) =>
        new ServiceCollection().AddLogging().AddBotshopCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Botshop"] = $"Data Source={_database}",
            ["Botshop:DataPath"] = template.DataFolder,
            ["Botshop:UserHashKey"] = TrainedTemplate.UserHashKey,
        }).Build()).BuildServiceProvider();
}
