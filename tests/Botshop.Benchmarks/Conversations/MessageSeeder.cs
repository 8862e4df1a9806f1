using System.Data.Common;
using System.Diagnostics;
using Botshop.Storage;
using Botshop.Storage.Conversations;

namespace Botshop.Benchmarks.Conversations;

/// <summary>
/// `seed-messages --count N (--db PATH | --postgres CONNECTION) [--seed S]`: fills an empty store with N logged
/// messages over the last 180 days (conversations of five, 👍/👎 on 6 % of answers, some reviewed), in one
/// transaction of prepared INSERTs, then prints how long it took.
/// </summary>
public static class MessageSeeder
{
    // PostgreSQL: multi-row INSERTs save round trips. SQLite has none to save, and finds each named parameter by a
    // linear search, so a 200-row statement binds slower than 200 one-row ones (measured: 4 000 vs 21 000 rows/s).
    private static int RowsPerStatement(string provider) => provider == StorageOptions.Postgres ? 200 : 1;
    private static readonly TimeSpan Span = TimeSpan.FromDays(180);

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(BenchStore.Value(args, "--count") ?? "1000000");
        var seed = int.Parse(BenchStore.Value(args, "--seed") ?? "42");
        var options = BenchStore.FromArgs(args);
        await using var db = new BotshopDatabase(options);
        await db.MigrateAsync();
        var clock = Stopwatch.StartNew();
        await using var connection = await db.OpenAsync();
        if (await ScalarAsync(connection, "SELECT COUNT(*) FROM messages") > 0)
        {
            Console.Error.WriteLine("seed-messages fills an empty store; this one already has messages.");
            return 2;
        }
        await using (var tx = await connection.BeginTransactionAsync())
        {
            var random = new Random(seed);
            var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var start = end - (long)Span.TotalMilliseconds;
            var conversations = (count + MessageCorpus.MessagesPerConversation - 1) / MessageCorpus.MessagesPerConversation;
            var channelOf = new string[conversations];
            var rowsPerStatement = RowsPerStatement(db.Provider);
            await InsertAsync(connection, tx, rowsPerStatement, "conversations",
                ["channel", "external_id", "user_ref", "posting_id", "created_at", "last_activity_at"],
                Enumerable.Range(0, conversations).Select(c =>
                {
                    channelOf[c] = MessageCorpus.Channels[random.Next(MessageCorpus.Channels.Length)];
                    var at = start + (long)((double)c / conversations * Span.TotalMilliseconds);
                    return new object?[] { channelOf[c], $"bench-{c}", $"u_{c}", MessageCorpus.Posting(c % MessageCorpus.Postings), at, at };
                }));
            var votes = new List<object?[]>();
            await InsertAsync(connection, tx, rowsPerStatement, "messages",
                ["conversation_id", "channel", "user_ref", "question", "posting_id", "intent", "confidence", "answered", "reply_kind",
                 "answer_text", "source_ids", "latency_ms", "model_version", "received_at", "replied_at", "delivery_status", "review_status"],
                Enumerable.Range(0, count).Select(i =>
                {
                    // Messages arrive in id order, spread evenly over the period; a conversation's five are close together.
                    var conversation = i / MessageCorpus.MessagesPerConversation;
                    var at = start + (long)((double)i / count * Span.TotalMilliseconds);
                    var (kind, answered, intent, confidence) = MessageCorpus.Reply(random);
                    var handedOff = kind is "OutOfScope" or "NotInPosting" or "Ambiguous";
                    if (answered && random.Next(100) < 6) votes.Add([i + 1L, $"u_{conversation}", random.Next(3) == 0 ? -1 : 1, at + 5000]);
                    return new object?[]
                    {
                        conversation + 1L, channelOf[conversation], $"u_{conversation}", MessageCorpus.Question(random),
                        MessageCorpus.Posting(conversation % MessageCorpus.Postings), intent, confidence, answered, kind,
                        answered ? $"The answer about {intent} for this posting." : "A recruiter will get back to you.",
                        answered ? $"[\"p{random.Next(20)}\"]" : "[]", 20.0 + random.Next(30), "1", at, at + 40,
                        random.Next(50) == 0 ? "failed" : "delivered",
                        handedOff && random.Next(10) == 0 ? "dismissed" : null,
                    };
                }));
            await InsertAsync(connection, tx, rowsPerStatement, "feedback", ["message_id", "user_ref", "vote", "voted_at"], votes);
            await tx.CommitAsync();
        }
        var seeded = clock.Elapsed;
        // PostgreSQL's autovacuum keeps planner statistics in production; a freshly loaded table has none yet.
        if (db.Provider == StorageOptions.Postgres) await ExecuteAsync(connection, "ANALYZE");
        Console.WriteLine($"Seeded {count:N0} messages on {db.Provider} in {seeded.TotalSeconds:F1} s " +
            $"({count / seeded.TotalSeconds:N0} messages/s); max id {await ScalarAsync(connection, "SELECT MAX(id) FROM messages")}.");
        // What a running server's search indexer does in the background (SQLite, migration 0010), in its batches.
        var indexing = Stopwatch.StartNew();
        var indexed = await new QuestionSearchIndex(db).CatchUpAsync(default);
        if (indexed > 0)
            Console.WriteLine($"Search index: {indexed:N0} questions added in {indexing.Elapsed.TotalSeconds:F1} s " +
                $"({indexing.Elapsed.TotalMilliseconds * 1000 / indexed:F1} µs a question, batches of {QuestionSearchIndex.BatchSize:N0}).");
        return 0;
    }

    /// <summary>INSERTs of <paramref name="rowsPerStatement"/> rows each, the command built once per batch size.</summary>
    private static async Task InsertAsync(DbConnection connection, DbTransaction tx, int rowsPerStatement, string table, string[] columns,
        IEnumerable<object?[]> rows)
    {
        DbCommand? full = null;
        var batch = new List<object?[]>(rowsPerStatement);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count < rowsPerStatement) continue;
            full ??= Command(connection, tx, table, columns, rowsPerStatement);
            await RunAsync(full, batch);
            batch.Clear();
        }
        if (batch.Count > 0) await RunAsync(Command(connection, tx, table, columns, batch.Count), batch);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string table, string[] columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", columns.Select((_, c) => $"@p{r}_{c}")) + ")");
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(",\n", values)}";
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < columns.Length; c++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"p{r}_{c}";
            command.Parameters.Add(p);
        }
        return command;
    }

    private static async Task RunAsync(DbCommand command, List<object?[]> batch)
    {
        var width = batch[0].Length;
        for (var r = 0; r < batch.Count; r++)
        for (var c = 0; c < width; c++)
            command.Parameters[r * width + c].Value = batch[r][c] ?? DBNull.Value;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
