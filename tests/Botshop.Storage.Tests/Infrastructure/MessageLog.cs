using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Core.Knowledge;
using Dapper;

namespace Botshop.Storage.Tests.Infrastructure;

/// <summary>Writes questions, replies and votes through the real ConversationLog, as the channels do.</summary>
public sealed class MessageLog(BotshopDatabase db)
{
    private readonly FixedTime _clock = new(DateTimeOffset.UnixEpoch);
    private ConversationLog Log => new(db, _clock);

    public async Task<long> AskAsync(DateTimeOffset at, string question, Reply? reply = null, string channel = "web",
        string conversation = "conv-1", string? posting = "phd-intern")
    {
        _clock.Now = at;
        var id = (await Log.RecordQuestionAsync(new IncomingMessage(channel, conversation, "u_" + conversation, question, posting), at, default))!.Value;
        if (reply is not null) await Log.RecordReplyAsync(id, reply, "7", 12.5, default);
        return id;
    }

    /// <summary>A vote cast at the time of the last question asked.</summary>
    public Task VoteAsync(long messageId, FeedbackVote vote, string channel = "web", string user = "u_voter") =>
        Log.RecordFeedbackAsync(messageId, channel, vote, user, _clock.Now, default);

    public async Task MarkReviewedAsync(long messageId, string status)
    {
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("UPDATE messages SET review_status = @status, reviewed_by = 'ana' WHERE id = @messageId", new { messageId, status });
    }

    public static Reply Answered(string intent, float confidence, params Passage[] sources) =>
        new(ReplyKind.Answered, $"About {intent}.", "phd-intern", intent, confidence, sources, []);

    public static Reply Declined(ReplyKind kind = ReplyKind.OutOfScope, float confidence = 0.2f) =>
        new(kind, "A recruiter will get back to you.", null, kind == ReplyKind.NotInPosting ? "salary" : null, confidence, [], []);

    public static Reply Other(ReplyKind kind) => new(kind, kind.ToString(), null, null, 0f, [], []);
}
