using Botshop.Storage.Privacy;
using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests.Privacy;

public abstract class RetentionPurgeTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset Cutoff = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FixedTime _clock = new(Cutoff.AddDays(180));
    private PrivacyFixtureData Data => new(Db, _clock);
    private RetentionPurge Purge => new(Db);

    [Fact]
    public async Task Messages_received_before_the_cutoff_go_and_the_ones_at_or_after_it_stay()
    {
        var justDue = await Data.AskAsync("web", "w-due", "u_1", "old", Cutoff.AddMilliseconds(-1));
        var atCutoff = await Data.AskAsync("web", "w-edge", "u_2", "edge", Cutoff);
        var recent = await Data.AskAsync("web", "w-new", "u_3", "new", Cutoff.AddDays(1));

        var result = await Purge.PurgeAsync(Cutoff, default);

        Assert.Equal((1, 1), (result.Messages, result.Conversations));
        Assert.Equal([atCutoff, recent], await Data.IdsAsync("SELECT id FROM messages ORDER BY id"));
        Assert.DoesNotContain(justDue, await Data.IdsAsync("SELECT id FROM messages"));
        Assert.Equal(0, await Data.CountAsync("SELECT COUNT(*) FROM conversations WHERE external_id = 'w-due'"));
    }

    [Fact]
    public async Task Feedback_and_recruiter_replies_of_purged_messages_go_with_them_and_others_stay()
    {
        var old = await Data.AskAsync("slack", "C1", "u_1", "old question", Cutoff.AddDays(-3));
        var kept = await Data.AskAsync("slack", "C1", "u_2", "newer question", Cutoff.AddDays(3));
        await Data.VoteAsync(old, "slack", "u_1", Cutoff.AddDays(-3));
        await Data.VoteAsync(old, "slack", "u_9", Cutoff.AddDays(5)); // a late vote on an old message still goes with it
        await Data.VoteAsync(kept, "slack", "u_2", Cutoff.AddDays(3));
        await Data.ReplyAsync(old, "we will get back to you");
        var keptReply = await Data.ReplyAsync(kept, "yes it is paid");

        var result = await Purge.PurgeAsync(Cutoff, default);

        Assert.Equal((1, 2, 1, 0), (result.Messages, result.Feedback, result.RecruiterReplies, result.Conversations));
        Assert.Equal([kept], await Data.IdsAsync("SELECT message_id FROM feedback"));
        Assert.Equal([keptReply], await Data.IdsAsync("SELECT id FROM recruiter_replies"));
        // The channel's conversation still holds a message: it stays.
        Assert.Equal(1, await Data.CountAsync("SELECT COUNT(*) FROM conversations WHERE external_id = 'C1'"));
    }

    [Fact]
    public async Task An_emptied_conversation_goes_with_its_reply_reference_but_a_binding_without_questions_stays()
    {
        await Data.AskAsync("msteams", "a:old", "u_1", "old", Cutoff.AddDays(-10), new("conversation-cipher", "message-cipher"));
        await Data.Log.SetConversationPostingAsync("slack", "CBOUND", "widget", default); // bound, no question ever
        _clock.Now = Cutoff.AddDays(-100);
        await Data.Log.SetConversationPostingAsync("slack", "COLDBOUND", "widget", default); // bound long ago
        _clock.Now = Cutoff.AddDays(180);

        await Purge.PurgeAsync(Cutoff, default);

        Assert.Equal(0, await Data.CountAsync("SELECT COUNT(*) FROM conversations WHERE reply_ref IS NOT NULL"));
        Assert.Equal(0, await Data.CountAsync("SELECT COUNT(*) FROM conversations WHERE external_id = 'a:old'"));
        Assert.Equal(2, await Data.CountAsync("SELECT COUNT(*) FROM conversations WHERE external_id IN ('CBOUND', 'COLDBOUND')"));
    }

    [Fact]
    public async Task Training_examples_taught_from_purged_messages_stay()
    {
        var old = await Data.AskAsync("web", "w1", "u_1", "is there a stipend?", Cutoff.AddDays(-1));
        await Data.TeachAsync(old, "is there a stipend?");

        await Purge.PurgeAsync(Cutoff, default);

        Assert.Equal(0, await Data.CountAsync("SELECT COUNT(*) FROM messages"));
        Assert.Equal(1, await Data.CountAsync("SELECT COUNT(*) FROM examples WHERE source_message_id = @old", new { old }));
    }

    [Fact]
    public async Task A_backlog_larger_than_a_batch_is_purged_whole_and_the_preview_counted_it_exactly()
    {
        for (var i = 0; i < 1203; i++)
            await Data.AskAsync("web", $"w{i % 7}", $"u_{i % 7}", "q" + i, Cutoff.AddMinutes(-1 - i));
        await Data.AskAsync("web", "w0", "u_0", "recent", Cutoff.AddMinutes(1));

        var preview = await Purge.PreviewAsync(Cutoff, default);
        var result = await Purge.PurgeAsync(Cutoff, default);

        Assert.Equal((1203, 6), (result.Messages, result.Conversations)); // w0 keeps its recent message
        Assert.Equal(result, preview);
        Assert.Equal(1, await Data.CountAsync("SELECT COUNT(*) FROM messages"));
        Assert.Equal(PurgeResult.None(Cutoff), await Purge.PurgeAsync(Cutoff, default)); // nothing left due
    }

    [Fact]
    public async Task A_dry_run_deletes_nothing()
    {
        var id = await Data.AskAsync("web", "w1", "u_1", "old", Cutoff.AddDays(-1));
        await Data.VoteAsync(id, "web", "u_1", Cutoff.AddDays(-1));

        var preview = await Purge.PreviewAsync(Cutoff, default);

        Assert.Equal((1, 1, 0, 1), (preview.Messages, preview.Feedback, preview.RecruiterReplies, preview.Conversations));
        Assert.Equal(1, await Data.CountAsync("SELECT COUNT(*) FROM messages"));
        Assert.Equal(1, await Data.CountAsync("SELECT COUNT(*) FROM feedback"));
    }
}
