using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

/// <summary>The server writes from many threads, and a CLI may write beside it: every write must land, none may fail.</summary>
public abstract class ConcurrentWriteTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private const int Writers = 16;
    private const int MessagesPerWriter = 25;

    [Fact]
    public async Task Concurrent_questions_and_replies_from_two_processes_all_land()
    {
        // Two factories stand in for two processes: the in-process write queue cannot order them, SQLite's locks must.
        var logs = new[] { new ConversationLog(Db, TimeProvider.System), new ConversationLog(ConnectAgain(), TimeProvider.System) };
        var feedback = new ConversationLog(ConnectAgain(), TimeProvider.System);
        var at = DateTimeOffset.UtcNow;

        var ids = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var log = logs[w % logs.Length];
            var mine = new List<long>();
            for (var i = 0; i < MessagesPerWriter; i++)
            {
                var message = new IncomingMessage("slack", $"C{i % 5}", $"u_{w}", $"question {w}/{i}", ExternalId: $"Ev-{w}-{i}");
                var id = (await log.RecordQuestionAsync(message, at, default))!.Value;
                await log.RecordReplyAsync(id, new Reply(ReplyKind.Help, $"reply {w}/{i}", null, null, 1f, [], []), "m1", 2.0, default);
                await feedback.RecordFeedbackAsync(id, "slack", FeedbackVote.Up, $"u_{w}", at, default);
                mine.Add(id);
            }
            return mine;
        })));

        var all = ids.SelectMany(x => x).ToList();
        Assert.Equal(Writers * MessagesPerWriter, all.Distinct().Count());
        await using var connection = await Db.OpenAsync();
        Assert.Equal(Writers * MessagesPerWriter, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM messages WHERE replied_at IS NOT NULL AND answer_text = 'reply ' || substr(question, 10)"));
        Assert.Equal(Writers * MessagesPerWriter, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM feedback"));
        Assert.Equal(5, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
    }
}
