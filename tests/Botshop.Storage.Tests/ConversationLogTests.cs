using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Core.Knowledge;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

public abstract class ConversationLogTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FixedTime _clock = new(T0.AddSeconds(2));

    private ConversationLog Log => new(Db, _clock);

    [Fact]
    public async Task Recorded_question_is_stored_in_its_conversation()
    {
        var id = await Log.RecordQuestionAsync(
            new("slack", "C123", "u_ab", "Where is the job?", PostingId: "phd-intern", ExternalId: "Ev1"), T0, default);

        var row = await MessageAsync(id!.Value);
        Assert.Equal(("slack", "Ev1", "u_ab", "Where is the job?", "phd-intern"),
            (row.Channel, row.ExternalId, row.UserRef, row.Question, row.PostingId));
        Assert.Equal(T0.ToUnixTimeMilliseconds(), row.ReceivedAt);
        Assert.Equal("pending", row.DeliveryStatus);
        Assert.Null(row.RepliedAt);
        var conversation = await ConversationAsync("slack", "C123");
        Assert.Equal(row.ConversationId, conversation.Id);
        Assert.Equal(("u_ab", T0.ToUnixTimeMilliseconds(), T0.ToUnixTimeMilliseconds()),
            (conversation.UserRef, conversation.CreatedAt, conversation.LastActivityAt));
    }

    [Fact]
    public async Task Later_question_in_a_conversation_moves_its_last_activity()
    {
        await Log.RecordQuestionAsync(new("slack", "C1", "u_a", "one"), T0, default);
        await Log.RecordQuestionAsync(new("slack", "C1", "u_b", "two"), T0.AddMinutes(5), default);

        var conversation = await ConversationAsync("slack", "C1");
        Assert.Equal((T0.ToUnixTimeMilliseconds(), T0.AddMinutes(5).ToUnixTimeMilliseconds()),
            (conversation.CreatedAt, conversation.LastActivityAt));
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM messages WHERE conversation_id = @Id", new { conversation.Id }));
    }

    [Fact]
    public async Task Retried_delivery_returns_null_and_is_logged_once()
    {
        var message = new IncomingMessage("slack", "C1", "u_a", "Is it remote?", ExternalId: "Ev42");
        var first = await Log.RecordQuestionAsync(message, T0, default);

        var retry = await Log.RecordQuestionAsync(message, T0.AddMinutes(1), default);

        Assert.NotNull(first);
        Assert.Null(retry);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM messages", null));
        // The rejected retry left no trace on the conversation either.
        Assert.Equal(T0.ToUnixTimeMilliseconds(), (await ConversationAsync("slack", "C1")).LastActivityAt);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_delivery_are_accepted_exactly_once()
    {
        var message = new IncomingMessage("msteams", "conv-1", "u_a", "Deadline?", ExternalId: "activity-7");
        var other = new ConversationLog(ConnectAgain(), _clock);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Log : other).RecordQuestionAsync(message, T0, default))));

        Assert.Single(results, r => r is not null);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM messages", null));
    }

    [Fact]
    public async Task Messages_without_external_id_are_never_duplicates()
    {
        var message = new IncomingMessage("web", "session-1", "u_a", "hello");

        var first = await Log.RecordQuestionAsync(message, T0, default);
        var second = await Log.RecordQuestionAsync(message, T0, default);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Same_external_id_on_another_channel_is_not_a_duplicate()
    {
        var first = await Log.RecordQuestionAsync(new("slack", "C1", "u_a", "q", ExternalId: "X1"), T0, default);
        var second = await Log.RecordQuestionAsync(new("msteams", "C1", "u_a", "q", ExternalId: "X1"), T0, default);

        Assert.NotNull(first);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task Reply_is_stored_on_its_question()
    {
        var id = (await Log.RecordQuestionAsync(new("web", "s1", "u_a", "Do I need a PhD?"), T0, default))!.Value;
        var reply = new Reply(ReplyKind.Answered, "Yes, you must be enrolled in a PhD.", "phd-intern", "requirements", 0.87f,
            [new Passage("p1", "Requirements", "Enrolled in a PhD.", 1), new Passage("p7", "Requirements", "Python.", 2)], []);

        await Log.RecordReplyAsync(id, reply, "model-12", 41.5, default);

        var row = await MessageAsync(id);
        Assert.Equal(("phd-intern", "requirements", true, "Answered", "Yes, you must be enrolled in a PhD.", "[\"p1\",\"p7\"]", "model-12"),
            (row.PostingId, row.Intent, row.Answered, row.ReplyKind, row.AnswerText, row.SourceIds, row.ModelVersion));
        Assert.Equal(0.87f, (float)row.Confidence!.Value);
        Assert.Equal(41.5, row.LatencyMs);
        Assert.Equal(_clock.Now.ToUnixTimeMilliseconds(), row.RepliedAt);
    }

    [Fact]
    public async Task Declined_reply_is_stored_as_not_answered()
    {
        var id = (await Log.RecordQuestionAsync(new("web", "s1", "u_a", "Salary?", PostingId: "phd-intern"), T0, default))!.Value;

        await Log.RecordReplyAsync(id, new Reply(ReplyKind.OutOfScope, "A recruiter will answer.", null, null, 0.2f, [], []), null, 3, default);

        var row = await MessageAsync(id);
        Assert.Equal((false, "OutOfScope", "phd-intern", "[]"), (row.Answered, row.ReplyKind, row.PostingId, row.SourceIds));
    }

    [Fact]
    public async Task Reply_to_an_unknown_message_throws()
    {
        var reply = new Reply(ReplyKind.Help, "help", null, null, 1f, [], []);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Log.RecordReplyAsync(999, reply, null, 1, default));
    }

    [Fact]
    public async Task Delivery_failure_is_recorded_with_its_error()
    {
        var id = (await Log.RecordQuestionAsync(new("slack", "C1", "u_a", "q", ExternalId: "E1"), T0, default))!.Value;

        await Log.RecordDeliveryAsync(id, delivered: false, "slack chat.postMessage: channel_not_found", default);

        var row = await MessageAsync(id);
        Assert.Equal(("failed", "slack chat.postMessage: channel_not_found"), (row.DeliveryStatus, row.DeliveryError));
    }

    [Fact]
    public async Task Successful_delivery_is_recorded_without_error()
    {
        var id = (await Log.RecordQuestionAsync(new("slack", "C1", "u_a", "q"), T0, default))!.Value;

        await Log.RecordDeliveryAsync(id, delivered: true, null, default);

        var row = await MessageAsync(id);
        Assert.Equal(("delivered", null), (row.DeliveryStatus, row.DeliveryError));
    }

    [Fact]
    public async Task Overlong_delivery_error_is_cut_to_the_limit()
    {
        var id = (await Log.RecordQuestionAsync(new("slack", "C1", "u_a", "q"), T0, default))!.Value;

        await Log.RecordDeliveryAsync(id, delivered: false, new string('x', 5000), default);

        Assert.Equal(ConversationLog.MaxDeliveryErrorLength, (await MessageAsync(id)).DeliveryError!.Length);
    }

    [Fact]
    public async Task Re_voting_replaces_the_users_vote_and_other_users_votes_stay()
    {
        var id = (await Log.RecordQuestionAsync(new("web", "s1", "u_a", "q"), T0, default))!.Value;

        Assert.True(await Log.RecordFeedbackAsync(id, "web", FeedbackVote.Up, "u_a", T0.AddMinutes(1), default));
        Assert.True(await Log.RecordFeedbackAsync(id, "web", FeedbackVote.Up, "u_b", T0.AddMinutes(1), default));
        Assert.True(await Log.RecordFeedbackAsync(id, "web", FeedbackVote.Down, "u_a", T0.AddMinutes(2), default));

        await using var connection = await Db.OpenAsync();
        var votes = (await connection.QueryAsync<(string UserRef, long Vote, long VotedAt)>(
            "SELECT user_ref, vote, voted_at FROM feedback WHERE message_id = @id ORDER BY user_ref", new { id })).ToList();
        Assert.Equal([("u_a", -1L, T0.AddMinutes(2).ToUnixTimeMilliseconds()), ("u_b", 1L, T0.AddMinutes(1).ToUnixTimeMilliseconds())], votes);
    }

    [Fact]
    public async Task Feedback_on_an_unknown_message_or_another_channels_message_is_not_stored()
    {
        var id = (await Log.RecordQuestionAsync(new("web", "s1", "u_a", "q"), T0, default))!.Value;

        Assert.False(await Log.RecordFeedbackAsync(id + 1000, "web", FeedbackVote.Up, "u_a", T0, default));
        Assert.False(await Log.RecordFeedbackAsync(id, "slack", FeedbackVote.Up, "u_a", T0, default));

        await using var connection = await Db.OpenAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM feedback"));
    }

    [Fact]
    public async Task Conversation_posting_is_unknown_until_chosen_and_a_new_choice_replaces_it()
    {
        Assert.Null(await Log.GetConversationPostingAsync("web", "s1", default));
        await Log.RecordQuestionAsync(new("web", "s1", "u_a", "hi"), T0, default);
        Assert.Null(await Log.GetConversationPostingAsync("web", "s1", default));

        await Log.SetConversationPostingAsync("web", "s1", "phd-intern", default);
        Assert.Equal("phd-intern", await Log.GetConversationPostingAsync("web", "s1", default));

        await Log.SetConversationPostingAsync("web", "s1", "data-eng", default);
        Assert.Equal("data-eng", await Log.GetConversationPostingAsync("web", "s1", default));
        Assert.Null(await Log.GetConversationPostingAsync("slack", "s1", default)); // other channel, other conversation
    }

    [Fact]
    public async Task Posting_bound_before_any_question_survives_the_first_question()
    {
        await Log.SetConversationPostingAsync("slack", "C9", "data-eng", default);

        await Log.RecordQuestionAsync(new("slack", "C9", "u_a", "Stack?"), T0, default);

        Assert.Equal("data-eng", await Log.GetConversationPostingAsync("slack", "C9", default));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM conversations", null));
    }

    private async Task<long> CountAsync(string sql, object? args)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    private async Task<MessageRow> MessageAsync(long id)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.QuerySingleAsync<MessageRow>("""
            SELECT conversation_id AS ConversationId, channel, external_id AS ExternalId, user_ref AS UserRef, question,
                   posting_id AS PostingId, intent, confidence, answered, reply_kind AS ReplyKind, answer_text AS AnswerText,
                   source_ids AS SourceIds, latency_ms AS LatencyMs, model_version AS ModelVersion,
                   received_at AS ReceivedAt, replied_at AS RepliedAt,
                   delivery_status AS DeliveryStatus, delivery_error AS DeliveryError
            FROM messages WHERE id = @id
            """, new { id });
    }

    private async Task<ConversationRow> ConversationAsync(string channel, string externalId)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.QuerySingleAsync<ConversationRow>("""
            SELECT id, user_ref AS UserRef, posting_id AS PostingId, created_at AS CreatedAt, last_activity_at AS LastActivityAt
            FROM conversations WHERE channel = @channel AND external_id = @externalId
            """, new { channel, externalId });
    }

    private sealed class MessageRow
    {
        public long ConversationId { get; init; }
        public string Channel { get; init; } = "";
        public string? ExternalId { get; init; }
        public string UserRef { get; init; } = "";
        public string Question { get; init; } = "";
        public string? PostingId { get; init; }
        public string? Intent { get; init; }
        public double? Confidence { get; init; }
        public bool? Answered { get; init; }
        public string? ReplyKind { get; init; }
        public string? AnswerText { get; init; }
        public string? SourceIds { get; init; }
        public double? LatencyMs { get; init; }
        public string? ModelVersion { get; init; }
        public long ReceivedAt { get; init; }
        public long? RepliedAt { get; init; }
        public string DeliveryStatus { get; init; } = "";
        public string? DeliveryError { get; init; }
    }

    private sealed class ConversationRow
    {
        public long Id { get; init; }
        public string? UserRef { get; init; }
        public string? PostingId { get; init; }
        public long CreatedAt { get; init; }
        public long LastActivityAt { get; init; }
    }
}
