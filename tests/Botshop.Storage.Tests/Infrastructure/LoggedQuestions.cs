using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Core.Knowledge;
using Dapper;

namespace Botshop.Storage.Tests.Infrastructure;

/// <summary>Writes questions and the bot's replies into the log the way the conversation service does, for inbox tests.</summary>
public sealed class LoggedQuestions(BotshopDatabase db, DateTimeOffset start)
{
    private readonly ConversationLog _log = new(db, TimeProvider.System);
    private int _count;

    /// <summary>Records a question and its reply, each a minute after the previous one; returns its message id.</summary>
    public async Task<long> AskAsync(string text, ReplyKind kind, string? intent = null, float confidence = 0.3f, string channel = "web")
    {
        var id = await RecordAsync(text, channel);
        var sources = kind == ReplyKind.Answered ? new[] { new Passage(EditableKnowledge.DurationPassage, "Duration", "A 12 week internship.", 0) } : [];
        await _log.RecordReplyAsync(id, new Reply(kind, "reply", EditableKnowledge.PostingId, intent, confidence, sources, []), "1", 1.0, default);
        return id;
    }

    /// <summary>A question still waiting for its reply.</summary>
    public Task<long> AskUnansweredAsync(string text) => RecordAsync(text, "web");

    public Task VoteAsync(long messageId, FeedbackVote vote, string userRef = "u_voter", string channel = "web") =>
        _log.RecordFeedbackAsync(messageId, channel, vote, userRef, start, default);

    public async Task<ReviewRow> ReviewAsync(long messageId)
    {
        await using var connection = await db.OpenAsync();
        return await connection.QuerySingleAsync<ReviewRow>(
            "SELECT review_status AS Status, reviewed_by AS ReviewedBy, reviewed_at AS ReviewedAt FROM messages WHERE id = @messageId",
            new { messageId });
    }

    private async Task<long> RecordAsync(string text, string channel)
    {
        var n = ++_count;
        var message = new IncomingMessage(channel, $"conversation-{n}", $"u_{n}", text, EditableKnowledge.PostingId);
        return (await _log.RecordQuestionAsync(message, start.AddMinutes(n), default))!.Value;
    }

    public sealed class ReviewRow
    {
        public string? Status { get; init; }
        public string? ReviewedBy { get; init; }
        public long? ReviewedAt { get; init; }
    }
}
