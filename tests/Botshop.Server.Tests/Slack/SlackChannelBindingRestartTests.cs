using Botshop.Server.Tests.Infrastructure;
using Botshop.Storage;

namespace Botshop.Server.Tests.Slack;

/// <summary>
/// Configured channel bindings (Slack:ChannelPostings) are seeded into the store at start, where `/ask posting`
/// choices live too; a stored choice must survive a restart instead of being overwritten by configuration.
/// </summary>
public sealed class SlackChannelBindingRestartTests
{
    private const string Configured = "CSEEDED1";
    private const string Rebound = "CSEEDED2";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Slack__ChannelPostings__" + Configured] = TestKnowledge.PostingId,
        ["Slack__ChannelPostings__" + Rebound] = TestKnowledge.PostingId,
    };

    [Fact]
    public async Task Configured_bindings_are_seeded_and_a_stored_choice_outlives_a_restart()
    {
        await using var first = await ServerProcess.StartAsync(Settings, TestData.TwoPostings);
        var store = Log(first.DatabaseFile);
        Assert.Equal(TestKnowledge.PostingId, await store.GetConversationPostingAsync("slack", Configured, default));

        // What `/ask posting` does in the rebound channel while the server runs.
        await store.SetConversationPostingAsync("slack", Rebound, TestKnowledge.SecondPostingId, default);
        await first.StopAsync();

        var sameStore = new Dictionary<string, string>(Settings) { ["ConnectionStrings__Botshop"] = $"Data Source={first.DatabaseFile}" };
        await using var second = await ServerProcess.StartAsync(sameStore, TestData.TwoPostings);

        Assert.Equal(TestKnowledge.SecondPostingId, await store.GetConversationPostingAsync("slack", Rebound, default));
        Assert.Equal(TestKnowledge.PostingId, await store.GetConversationPostingAsync("slack", Configured, default));
    }

    private static ConversationLog Log(string databaseFile) =>
        new(new BotshopDatabase(new StorageOptions { ConnectionString = $"Data Source={databaseFile}" }), TimeProvider.System);
}
