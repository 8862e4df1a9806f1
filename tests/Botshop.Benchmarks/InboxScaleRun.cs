using System.Diagnostics;
using Botshop.Core.Answering;
using Botshop.Core.Inbox;
using Botshop.Core.Knowledge;
using Botshop.Storage;
using Microsoft.Data.Sqlite;

namespace Botshop.Benchmarks;

/// <summary>
/// The inbox at scale: a SQLite store holding N messages shaped like a busy season (mostly confident answers, a tenth
/// declined, most older declined ones already reviewed), then the inbox query alone, the grouping alone and the whole
/// listing the page makes, each timed over repeated runs (median and worst).
/// </summary>
public static class InboxScaleRun
{
    private static readonly string[] Topics =
    [
        "stipend", "visa", "housing", "laptop", "relocation", "parking", "gym", "equity", "vacation", "dog", "lunch",
        "bonus", "insurance", "commute", "badge", "uniform", "pension", "shares", "travel", "conference",
    ];

    private static readonly string[] Frames =
    [
        "is there a {0}?", "do interns get a {0}", "how does the {0} work", "what about the {0} for interns",
        "can you tell me about the {0}", "{0}?", "any {0} for this role", "is the {0} included",
    ];

    public static async Task RunAsync(int messages, string? path, int repeats)
    {
        path ??= Path.Combine(Path.GetTempPath(), $"botshop-inbox-{messages}.db");
        var options = new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = $"Data Source={path}" };
        await using var db = new BotshopDatabase(options);
        await db.MigrateAsync();
        var existing = await CountAsync(path);
        if (existing < messages)
        {
            var fill = Stopwatch.StartNew();
            await FillAsync(path, existing, messages);
            Console.WriteLine($"filled {messages - existing:N0} messages in {fill.Elapsed.TotalSeconds:F1} s ({path})");
        }

        var store = new InboxStore(db);
        var model = new LiveModel();
        var settings = new InboxSettings(ConfidenceBelow: 0.65f);
        var inbox = new InboxService(store, new KnowledgeEditStore(db), new KnowledgeRefresher(new KnowledgeStore(db), new LiveKnowledge()),
            new AuditLog(db, TimeProvider.System), model, settings, TimeProvider.System);

        var questions = await store.OpenQuestionsAsync(0.65f, settings.MaxQuestions + 1, default);
        Console.WriteLine($"{messages:N0} messages; open questions returned: {questions.Count:N0} (limit {settings.MaxQuestions + 1})");
        Report($"inbox query (newest {settings.MaxQuestions + 1} open)", await TimeAsync(repeats, () => store.OpenQuestionsAsync(0.65f, settings.MaxQuestions + 1, default)));
        var grouper = new QuestionGrouper();
        Report($"grouping {Math.Min(questions.Count, settings.MaxQuestions)} questions", await TimeAsync(repeats, () => Task.FromResult(grouper.Group(questions.Take(settings.MaxQuestions).ToList()))));
        Report("InboxService.ListAsync (query + grouping)", await TimeAsync(repeats, () => inbox.ListAsync(default)));
        var view = await inbox.ListAsync(default);
        Console.WriteLine($"groups: {view.Groups.Count}, largest {view.Groups.Max(g => g.Count)}");
    }

    // Wall time, and this process's CPU time: on a shared machine the wall clock also counts waiting for a core.
    private static async Task<(List<double> Wall, List<double> Cpu)> TimeAsync<T>(int repeats, Func<Task<T>> work)
    {
        await work(); // warm-up: JIT, page cache
        var process = Process.GetCurrentProcess();
        var (wall, cpu) = (new List<double>(), new List<double>());
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            await work();
            wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
        }
        wall.Sort();
        cpu.Sort();
        return (wall, cpu);
    }

    private static void Report(string what, (List<double> Wall, List<double> Cpu) ms) =>
        Console.WriteLine($"{what}: wall median {ms.Wall[ms.Wall.Count / 2]:F1} ms (max {ms.Wall[^1]:F1}), " +
                          $"CPU median {ms.Cpu[ms.Cpu.Count / 2]:F1} ms (max {ms.Cpu[^1]:F1}) over {ms.Wall.Count} runs");

    private static async Task<long> CountAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM messages";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // Raw inserts in one transaction: the conversation log's own path would take hours for a million rows.
    private static async Task FillAsync(string path, long from, int to)
    {
        var random = new Random(42);
        var start = DateTimeOffset.UtcNow.AddDays(-90).ToUnixTimeMilliseconds();
        var step = 90L * 24 * 3600 * 1000 / to;
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var tx = connection.BeginTransaction();
        await using (var conversation = connection.CreateCommand())
        {
            conversation.CommandText = "INSERT OR IGNORE INTO conversations (id, channel, external_id, created_at, last_activity_at) VALUES (1, 'web', 'bench', 0, 0)";
            await conversation.ExecuteNonQueryAsync();
        }
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO messages (conversation_id, channel, user_ref, question, posting_id, intent, confidence, answered, reply_kind,
                                  received_at, replied_at, review_status)
            VALUES (1, $channel, 'u', $question, 'research-intern-london', $intent, $confidence, $answered, $kind, $at, $at, $review)
            """;
        var parameters = new[] { "$channel", "$question", "$intent", "$confidence", "$answered", "$kind", "$at", "$review" }
            .ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter { ParameterName = n }));
        await using var vote = connection.CreateCommand();
        vote.CommandText = "INSERT INTO feedback (message_id, user_ref, vote, voted_at) VALUES (last_insert_rowid(), 'u', $vote, 0)";
        var voteValue = vote.Parameters.Add(new SqliteParameter { ParameterName = "$vote" });
        for (var i = from; i < to; i++)
        {
            var roll = random.NextDouble();
            var (kind, intent, confidence) = roll switch
            {
                < 0.80 => (ReplyKind.Answered, "duration", 0.7 + random.NextDouble() * 0.3),
                < 0.85 => (ReplyKind.Answered, "location", 0.3 + random.NextDouble() * 0.34),
                < 0.95 => (ReplyKind.OutOfScope, (string?)null, 0.5 + random.NextDouble() * 0.5),
                < 0.98 => (ReplyKind.NotInPosting, "remote_work", 0.6 + random.NextDouble() * 0.4),
                _ => (ReplyKind.Ambiguous, "timing", 0.4 + random.NextDouble() * 0.2),
            };
            // Recruiters keep up: all but the last few days' questions needing a look have been reviewed.
            var needsLook = kind != ReplyKind.Answered || confidence < 0.65;
            var recent = i > to - to / 30;
            parameters["$channel"].Value = random.Next(3) switch { 0 => "slack", 1 => "msteams", _ => "web" };
            parameters["$question"].Value = string.Format(Frames[random.Next(Frames.Length)], Topics[random.Next(Topics.Length)]);
            parameters["$intent"].Value = (object?)intent ?? DBNull.Value;
            parameters["$confidence"].Value = confidence;
            parameters["$answered"].Value = kind == ReplyKind.Answered;
            parameters["$kind"].Value = kind.ToString();
            parameters["$at"].Value = start + i * step;
            parameters["$review"].Value = needsLook && !recent ? "labeled" : DBNull.Value;
            await insert.ExecuteNonQueryAsync();
            if (random.NextDouble() < 0.01)
            {
                voteValue.Value = random.NextDouble() < 0.33 ? -1 : 1;
                await vote.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
    }
}
