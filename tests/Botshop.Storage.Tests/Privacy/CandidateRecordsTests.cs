using Botshop.Storage.Privacy;
using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests.Privacy;

public abstract class CandidateRecordsTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private const string Alice = "u_alice";
    private const string Bob = "u_bob";
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FixedTime _clock = new(T0);
    private PrivacyFixtureData Data => new(Db, _clock);
    private CandidateRecords Records => new(Db);

    [Fact]
    public async Task Forgetting_removes_every_row_of_the_candidate_and_leaves_everyone_else_intact()
    {
        var (aliceDm, aliceInChannel, bobInChannel, bobDm) = await TwoCandidatesAsync();

        var erased = await Records.ForgetAsync(Alice, default);

        Assert.Equal((2, 1, 3, 1), (erased.Messages, erased.Conversations, erased.Feedback, erased.RecruiterReplies));
        Assert.Equal(0, await Data.CountAsync("SELECT COUNT(*) FROM messages WHERE user_ref = @Alice", new { Alice }));
        Assert.Equal(0, await Data.CountAsync("SELECT COUNT(*) FROM feedback WHERE user_ref = @Alice", new { Alice }));
        Assert.Equal(0, await Data.CountAsync("SELECT COUNT(*) FROM conversations WHERE user_ref = @Alice", new { Alice }));
        Assert.Equal(0, await Data.CountAsync("SELECT COUNT(*) FROM conversations WHERE external_id = 'DALICE'"));
        Assert.Equal([bobInChannel, bobDm], await Data.IdsAsync("SELECT id FROM messages ORDER BY id"));
        Assert.Equal([bobInChannel], await Data.IdsAsync("SELECT message_id FROM feedback WHERE user_ref = @Bob", new { Bob }));
        Assert.Equal([bobDm], await Data.IdsAsync("SELECT message_id FROM recruiter_replies"));
        // The channel Alice started stays for Bob, no longer naming her; its (shared) reply reference stays with it.
        Assert.Equal(1, await Data.CountAsync("SELECT COUNT(*) FROM conversations WHERE external_id = 'CJOBS' AND user_ref IS NULL AND reply_ref = 'channel-cipher'"));
        Assert.Equal(0, await Data.CountAsync($"SELECT COUNT(*) FROM messages WHERE id IN ({aliceDm}, {aliceInChannel})"));
    }

    [Fact]
    public async Task Forgetting_twice_or_someone_unknown_deletes_nothing_more()
    {
        await TwoCandidatesAsync();
        await Records.ForgetAsync(Alice, default);
        var before = await Data.CountAsync("SELECT COUNT(*) FROM messages");

        Assert.Equal(0, (await Records.ForgetAsync(Alice, default)).Total);
        Assert.Equal(0, (await Records.ForgetAsync("u_nobody", default)).Total);
        Assert.Equal(before, await Data.CountAsync("SELECT COUNT(*) FROM messages"));
    }

    [Fact]
    public async Task A_conversation_the_candidate_alone_wrote_in_goes_even_if_someone_else_started_it()
    {
        await Data.Log.SetConversationPostingAsync("slack", "CBOUND", "widget", default); // started by a binding
        await Data.AskAsync("slack", "CBOUND", Alice, "only me here", T0);

        await Records.ForgetAsync(Alice, default);

        Assert.Equal(0, await Data.CountAsync("SELECT COUNT(*) FROM conversations WHERE external_id = 'CBOUND'"));
    }

    [Fact]
    public async Task Export_holds_the_candidates_rows_only_and_their_reply_references_as_stored()
    {
        var (aliceDm, aliceInChannel, bobInChannel, _) = await TwoCandidatesAsync();
        await Data.TeachAsync(aliceDm, "is there a stipend?");

        var export = await Records.ExportAsync(Alice, default);

        Assert.Equal(Alice, export.UserRef);
        Assert.Equal(["CJOBS", "DALICE"], export.Conversations.Select(c => c.ExternalId).Order());
        Assert.True(export.Conversations.Single(c => c.ExternalId == "DALICE").StartedByCandidate);
        Assert.Equal("dm-cipher", export.Conversations.Single(c => c.ExternalId == "DALICE").ReplyRef);
        Assert.Equal([aliceDm, aliceInChannel], export.Messages.Select(m => m.Id));
        Assert.Equal(["is there a stipend? [email]", "where is the office?"], export.Messages.Select(m => m.Question));
        Assert.Equal("alice-dm-message-cipher", export.Messages[0].ReplyRef);
        Assert.Equal(T0, export.Messages[0].ReceivedAt);
        // Only the votes she cast: on her own question, and on Bob's.
        Assert.Equal([(aliceDm, true), (bobInChannel, false)], export.Feedback.Select(f => (f.MessageId, f.OnOwnMessage)));
        Assert.Equal(["Yes: 500 a month."], export.RecruiterReplies.Select(r => r.Text));
        Assert.Equal([("stipend", "is there a stipend?", aliceDm)], export.TrainingExamples.Select(e => (e.Intent, e.Text, e.SourceMessageId)));
    }

    [Fact]
    public async Task The_asker_of_a_message_and_the_starter_of_a_conversation_are_found_for_the_dashboard()
    {
        var (aliceDm, _, bobInChannel, _) = await TwoCandidatesAsync();

        Assert.Equal(Alice, await Records.AskerOfMessageAsync(aliceDm, default));
        Assert.Equal(Bob, await Records.AskerOfMessageAsync(bobInChannel, default));
        Assert.Null(await Records.AskerOfMessageAsync(999_999, default));
        var channel = (await Data.IdsAsync("SELECT id FROM conversations WHERE external_id = 'CJOBS'")).Single();
        Assert.Equal(Alice, await Records.StarterOfConversationAsync(channel, default));
        Assert.Null(await Records.StarterOfConversationAsync(999_999, default));
    }

    /// <summary>
    /// Alice asks in her DM (with a recruiter reply) and starts a shared channel; Bob asks in the channel and in his
    /// DM (with a recruiter reply). Each votes on their own and on the other's channel question.
    /// </summary>
    private async Task<(long AliceDm, long AliceInChannel, long BobInChannel, long BobDm)> TwoCandidatesAsync()
    {
        var aliceDm = await Data.AskAsync("slack", "DALICE", Alice, "is there a stipend? [email]", T0, new("dm-cipher", "alice-dm-message-cipher"));
        var aliceInChannel = await Data.AskAsync("slack", "CJOBS", Alice, "where is the office?", T0.AddMinutes(1), new("channel-cipher", "m1"));
        var bobInChannel = await Data.AskAsync("slack", "CJOBS", Bob, "how long is it?", T0.AddMinutes(2), new("channel-cipher", "m2"));
        var bobDm = await Data.AskAsync("slack", "DBOB", Bob, "remote?", T0.AddMinutes(3), new("bob-dm-cipher", "m3"));
        await Data.VoteAsync(aliceDm, "slack", Alice, T0);
        await Data.VoteAsync(bobInChannel, "slack", Alice, T0);
        await Data.VoteAsync(aliceInChannel, "slack", Bob, T0);
        await Data.VoteAsync(bobInChannel, "slack", Bob, T0);
        await Data.ReplyAsync(aliceDm, "Yes: 500 a month.");
        await Data.ReplyAsync(bobDm, "Partly.");
        return (aliceDm, aliceInChannel, bobInChannel, bobDm);
    }
}
