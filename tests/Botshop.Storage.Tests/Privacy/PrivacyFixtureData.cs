using Botshop.Core.Conversations;
using Botshop.Storage.Privacy;
using Dapper;

namespace Botshop.Storage.Tests.Privacy;

/// <summary>Writes conversations, votes, recruiter replies and examples the way the application does, for the privacy suites.</summary>
public sealed class PrivacyFixtureData(BotshopDatabase db, TimeProvider clock)
{
    public ConversationLog Log { get; } = new(db, clock);
    public RecruiterReplyStore Replies { get; } = new(db, clock);

    public async Task<long> AskAsync(string channel, string conversation, string userRef, string text, DateTimeOffset at, SealedReplyRef? refs = null)
    {
        var id = await Log.RecordQuestionAsync(new IncomingMessage(channel, conversation, userRef, text, ReplyRef: refs), at, default);
        return id ?? throw new InvalidOperationException("recorded as a duplicate");
    }

    public Task VoteAsync(long messageId, string channel, string userRef, DateTimeOffset at) =>
        Log.RecordFeedbackAsync(messageId, channel, FeedbackVote.Down, userRef, at, default);

    public async Task<long> ReplyAsync(long messageId, string text) =>
        await Replies.AddAsync(messageId, "alice", text, default) ?? throw new InvalidOperationException("no such message");

    /// <summary>An example taught from a logged question (inbox labelling), beside a seeded intent.</summary>
    public async Task TeachAsync(long sourceMessageId, string text)
    {
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO intents (name, topic) VALUES ('stipend', 'pay') ON CONFLICT (name) DO NOTHING");
        await connection.ExecuteAsync("""
            INSERT INTO examples (intent_name, position, text, source_message_id)
            VALUES ('stipend', (SELECT COUNT(*) FROM examples), @text, @sourceMessageId)
            """, new { text, sourceMessageId });
    }

    public async Task<long> CountAsync(string sql, object? args = null)
    {
        await using var connection = await db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    public async Task<List<long>> IdsAsync(string sql, object? args = null)
    {
        await using var connection = await db.OpenAsync();
        return (await connection.QueryAsync<long>(sql, args)).ToList();
    }
}
