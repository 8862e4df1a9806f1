using Botshop.Storage.Privacy;
using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests.Privacy;

public abstract class RecruiterReplyStoreTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FixedTime _clock = new(T0);
    private PrivacyFixtureData Data => new(Db, _clock);
    private RecruiterReplyStore Store => new(Db, _clock);

    [Fact]
    public async Task The_target_of_a_question_carries_its_channel_and_both_reply_references()
    {
        var id = await Data.AskAsync("slack", "C1", "u_1", "q", T0, new("conversation-cipher", "message-cipher"));
        await Data.AskAsync("slack", "C1", "u_2", "later question, no reference", T0.AddMinutes(1));

        var target = await Store.FindTargetAsync(id, default);

        Assert.Equal(("slack", "C1", "conversation-cipher", "message-cipher"),
            (target!.Channel, target.ConversationExternalId, target.ConversationReplyRef, target.MessageReplyRef));
        Assert.Null(await Store.FindTargetAsync(id + 100, default));
    }

    [Fact]
    public async Task A_reply_to_a_question_that_no_longer_exists_is_not_stored()
    {
        Assert.Null(await Store.AddAsync(424242, "alice", "hello", default));
        Assert.Equal(0, await Data.CountAsync("SELECT COUNT(*) FROM recruiter_replies"));
    }

    [Fact]
    public async Task A_reply_is_pending_until_marked_and_a_failure_keeps_its_reason()
    {
        var id = await Data.AskAsync("slack", "C1", "u_1", "q", T0);
        var sent = (await Store.AddAsync(id, "alice", "first", default))!.Value;
        var failed = (await Store.AddAsync(id, "alice", "second", default))!.Value;

        await Store.MarkAsync(sent, delivered: true, null, default);
        await Store.MarkAsync(failed, delivered: false, new string('x', 5000), default);

        Assert.Equal(1, await Data.CountAsync("SELECT COUNT(*) FROM recruiter_replies WHERE delivery_status = 'delivered' AND delivery_error IS NULL"));
        Assert.Equal(RecruiterReplyStore.MaxErrorLength,
            await Data.CountAsync("SELECT length(delivery_error) FROM recruiter_replies WHERE id = @failed", new { failed }));
    }

    [Fact]
    public async Task The_web_chat_takes_its_conversations_replies_once_in_order_and_they_become_delivered()
    {
        var first = await Data.AskAsync("web", "page-token-1", "u_1", "q1", T0);
        var second = await Data.AskAsync("web", "page-token-1", "u_1", "q2", T0.AddMinutes(1));
        var elsewhere = await Data.AskAsync("web", "page-token-2", "u_2", "q3", T0);
        var a = await Data.ReplyAsync(second, "reply A");
        var b = await Data.ReplyAsync(first, "reply B");
        await Data.ReplyAsync(elsewhere, "not yours");
        var refused = await Data.ReplyAsync(first, "never shown");
        await Store.MarkAsync(refused, delivered: false, "test", default);

        var taken = await Store.TakeForConversationAsync("web", "page-token-1", 0, default);
        var after = await Store.TakeForConversationAsync("web", "page-token-1", taken[^1].Id, default);

        Assert.Equal([(a, "reply A", second), (b, "reply B", first)], taken.Select(r => (r.Id, r.Text, r.MessageId)));
        Assert.Equal(T0, taken[0].SentAt);
        Assert.Empty(after);
        Assert.Equal(2, await Data.CountAsync("SELECT COUNT(*) FROM recruiter_replies WHERE delivery_status = 'delivered'"));
        Assert.Empty(await Store.TakeForConversationAsync("slack", "page-token-1", 0, default)); // another channel's conversation
    }
}
