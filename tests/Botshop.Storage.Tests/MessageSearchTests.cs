using System.Text;
using Botshop.Storage.Conversations;
using Botshop.Storage.Privacy;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

/// <summary>
/// The conversations search through the text index of migration 0009 (SQLite FTS5 trigram, PostgreSQL pg_trgm)
/// returns exactly what the plain LIKE/ILIKE scan returned, in the same keyset order, and forgets deleted or
/// rewritten questions.
/// </summary>
public abstract class MessageSearchTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Questions =
    [
        "Is there a stipend?",
        "What is the STIPEND amount per month?",
        "Do you pay 50% of travel?",
        "I scored 500 points, is that enough?",
        "Is it file_name or filename?",
        "My path is C:\\temp\\cv.pdf",
        "Über die Straße: gibt es ein Visum?",
        "über uns",
        "A naïve café question",
        "Party 🎉 plans for interns",
        "Is it full time or part time?",
        "He said \"hello\" to me",
        "stipendstipend twice",
    ];

    public static TheoryData<string> Searches => new()
    {
        "stipend", "STIPEND", "  Stipend ", "50%", "0%", "%", "_", "e_n", "le_na", "C:\\temp", "\\", "\\t", "Über",
        "über", "ÜBER", "straße", "café", "CAFÉ", "🎉 p", "🎉", "time or part", "me o", "ab", "is", "x", "\"hello\"",
        "\"", "stipendstip", "zeppelin", "a naïve café question",
    };

    private ConversationQuery Query => new(Db);
    private QuestionSearchIndex Index => new(Db);
    private bool IsPostgres => Db.Provider == StorageOptions.Postgres;

    private async Task<List<long>> SeedAsync()
    {
        var log = new MessageLog(Db);
        var ids = new List<long>();
        // Two rounds, the second at earlier times than its ids suggest: keyset order is (received_at, id), not id.
        // The first round is in the text index, the second not yet (SQLite indexes in batches): searches see both.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < Questions.Length; i++)
                ids.Add(await log.AskAsync(T0.AddMinutes(round == 0 ? 100 + i : i % 4), Questions[i],
                    posting: i % 2 == 0 ? "phd-intern" : "data-eng"));
            if (round == 0) Assert.Equal(IsPostgres ? 0 : Questions.Length, await Index.CatchUpAsync(default));
        }
        return ids;
    }

    /// <summary>What the search returned before the text index: the LIKE (ILIKE) scan, newest first.</summary>
    private async Task<List<long>> LikeScanAsync(string search, string? posting = null)
    {
        await using var connection = await Db.OpenAsync();
        var like = IsPostgres ? "ILIKE" : "LIKE";
        var byPosting = posting is null ? "" : "AND posting_id = @posting";
        return (await connection.QueryAsync<long>(
            $"SELECT id FROM messages WHERE question {like} @pattern ESCAPE '\\' {byPosting} ORDER BY received_at DESC, id DESC",
            new { pattern = ConversationQuery.ContainsPattern(search), posting })).ToList();
    }

    private async Task<List<long>> SearchAsync(MessageFilter filter, int pageSize = 100, int textIndexCap = ConversationQuery.TextIndexDrivesBelow)
    {
        var query = new ConversationQuery(Db) { TextIndexCap = textIndexCap };
        var ids = new List<long>();
        MessageCursor? cursor = null;
        do
        {
            var page = await query.ListAsync(filter, cursor, PageDirection.Older, pageSize, default);
            ids.AddRange(page.Messages.Select(m => m.Id));
            cursor = page.Older;
        }
        while (cursor is not null);
        return ids;
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task A_search_returns_what_the_like_scan_returned(string search)
    {
        await SeedAsync();

        var all = await LikeScanAsync(search);
        var dataEng = await LikeScanAsync(search, "data-eng");
        // Half indexed, then all: read from the text index's hits (plus the rows not indexed yet), then (a cap of 1
        // hit) walking the keyset index. The same rows, in order, every time.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var cap in new[] { ConversationQuery.TextIndexDrivesBelow, 1 })
            {
                Assert.Equal(all, await SearchAsync(new() { Search = search }, textIndexCap: cap));
                // Paged two by two and combined with another filter.
                Assert.Equal(dataEng, await SearchAsync(new() { Search = search, PostingId = "data-eng" }, pageSize: 2, textIndexCap: cap));
            }
            await Index.CatchUpAsync(default);
        }
    }

    [Fact]
    public async Task Case_is_ignored_and_wildcards_are_literal()
    {
        var ids = await SeedAsync();
        var n = Questions.Length;
        long[] Both(int i) => [ids[i], ids[n + i]];

        Assert.Equal(Both(0).Concat(Both(1)).Concat(Both(12)).Order(), (await SearchAsync(new() { Search = "STIPEND" })).Order());
        Assert.Equal(Both(2).Order(), (await SearchAsync(new() { Search = "50%" })).Order());
        Assert.Equal(Both(4).Order(), (await SearchAsync(new() { Search = "e_n" })).Order());
        Assert.Equal(Both(5).Order(), (await SearchAsync(new() { Search = "C:\\temp" })).Order());
        Assert.Equal(Both(10).Order(), (await SearchAsync(new() { Search = "TIME OR PART" })).Order());
        Assert.Equal(Both(11).Order(), (await SearchAsync(new() { Search = "\"hello\"" })).Order());
        Assert.Equal(Both(9).Order(), (await SearchAsync(new() { Search = "🎉 p" })).Order());
        Assert.Empty(await SearchAsync(new() { Search = "zeppelin" }));
    }

    [Fact]
    public async Task Deleted_and_rewritten_questions_leave_the_index()
    {
        var log = new MessageLog(Db);
        var kept = await log.AskAsync(T0, "Is there a qzxvisa sponsor?");
        var deleted = await log.AskAsync(T0.AddMinutes(1), "Call me on qzx 07700 900123 about the qzxvisa");
        var rewritten = await log.AskAsync(T0.AddMinutes(2), "Write to jwqk@example.org about the qzxvisa");
        await Index.CatchUpAsync(default);
        Assert.Equal([rewritten, deleted, kept], await SearchAsync(new() { Search = "qzxvisa" }));

        await using var connection = await Db.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM messages WHERE id = @deleted", new { deleted });
        await connection.ExecuteAsync("UPDATE messages SET question = '[redacted] about the visa' WHERE id = @rewritten", new { rewritten });

        Assert.Equal([kept], await SearchAsync(new() { Search = "qzxvisa" }));
        Assert.Empty(await SearchAsync(new() { Search = "900123" }));
        Assert.Empty(await SearchAsync(new() { Search = "jwqk@example" }));
        Assert.Equal([rewritten], await SearchAsync(new() { Search = "[redacted]" }));
        if (IsPostgres) return;

        // SQLite: the index itself holds no entry of the removed text. fts5vocab lists every term instance it holds.
        await connection.ExecuteAsync("CREATE VIRTUAL TABLE temp.search_terms USING fts5vocab(main, messages_fts, instance)");
        var docs = (await connection.QueryAsync<long>("SELECT DISTINCT doc FROM temp.search_terms")).ToList();
        Assert.Equal([kept, rewritten], docs.Order());
        Assert.Empty(await connection.QueryAsync<string>("SELECT term FROM temp.search_terms WHERE term IN ('jwq', '001', 'qzx') AND doc <> @kept", new { kept }));
        // And not just hidden behind a delete marker: with secure-delete the removed trigrams are gone from the
        // index's stored pages ("001" and "jwq" occur in no kept question; FTS5 stores terms as bytes).
        var pages = (await connection.QueryAsync<byte[]>("SELECT block FROM messages_fts_data")).ToList();
        var terms = (await connection.QueryAsync<byte[]>("SELECT term FROM messages_fts_idx")).ToList();
        foreach (var removed in new[] { "001", "jwq", "123" })
        {
            var bytes = Encoding.UTF8.GetBytes(removed);
            Assert.DoesNotContain(pages.Concat(terms), block => block.AsSpan().IndexOf(bytes) >= 0);
        }
    }

    [Fact]
    public async Task Forget_me_and_the_retention_purge_take_questions_out_of_the_search()
    {
        var log = new MessageLog(Db);
        var kept = await log.AskAsync(T0.AddDays(10), "Is the qzxvisa sponsored?", conversation: "stays");
        await log.AskAsync(T0.AddDays(10), "My number is 07700 900123, qzxvisa?", conversation: "forgets");
        await log.AskAsync(T0, "Old question from jwqk@example.org, qzxvisa?", conversation: "old");
        await Index.CatchUpAsync(default);
        Assert.Equal(3, (await SearchAsync(new() { Search = "qzxvisa" })).Count);

        await new CandidateRecords(Db).ForgetAsync("u_forgets", default);
        await new RetentionPurge(Db).PurgeAsync(T0.AddDays(1), default);

        Assert.Equal([kept], await SearchAsync(new() { Search = "qzxvisa" }));
        Assert.Empty(await SearchAsync(new() { Search = "900123" }));
        Assert.Empty(await SearchAsync(new() { Search = "jwqk" }));
        if (IsPostgres) return;
        await using var connection = await Db.OpenAsync();
        await connection.ExecuteAsync("CREATE VIRTUAL TABLE temp.search_terms USING fts5vocab(main, messages_fts, instance)");
        Assert.Equal([kept], await connection.QueryAsync<long>("SELECT DISTINCT doc FROM temp.search_terms"));
    }

    [Fact]
    public async Task Questions_deleted_or_rewritten_before_they_were_indexed_never_reach_the_index()
    {
        var log = new MessageLog(Db);
        var indexed = await log.AskAsync(T0, "Is there a qzxvisa sponsor?");
        await Index.CatchUpAsync(default);
        var kept = await log.AskAsync(T0.AddMinutes(1), "And a qzxvisa for my partner?");
        var deleted = await log.AskAsync(T0.AddMinutes(2), "Call me on 07700 900123 about the qzxvisa");
        var rewritten = await log.AskAsync(T0.AddMinutes(3), "Write to jwqk@example.org about the qzxvisa");
        await using var connection = await Db.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM messages WHERE id = @deleted", new { deleted });
        await connection.ExecuteAsync("UPDATE messages SET question = '[redacted] about the qzxvisa' WHERE id = @rewritten", new { rewritten });

        Assert.Equal([rewritten, kept, indexed], await SearchAsync(new() { Search = "qzxvisa" }));
        Assert.Equal(IsPostgres ? 0 : 2, await Index.CatchUpAsync(default));
        Assert.Equal(0, await Index.CatchUpAsync(default));
        Assert.Equal([rewritten, kept, indexed], await SearchAsync(new() { Search = "qzxvisa" }));
        Assert.Empty(await SearchAsync(new() { Search = "900123" }));
        Assert.Empty(await SearchAsync(new() { Search = "jwqk" }));
        if (IsPostgres) return;

        // The index matches the table exactly (rank 1: check against the external content), nothing removed is in it.
        await connection.ExecuteAsync("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
        await connection.ExecuteAsync("CREATE VIRTUAL TABLE temp.search_terms USING fts5vocab(main, messages_fts, instance)");
        Assert.Equal([indexed, kept, rewritten], (await connection.QueryAsync<long>("SELECT DISTINCT doc FROM temp.search_terms")).Order());
        Assert.Empty(await connection.QueryAsync<string>("SELECT term FROM temp.search_terms WHERE term IN ('jwq', '001')"));
    }

    [Fact]
    public async Task Replicas_indexing_at_once_index_every_question_exactly_once()
    {
        // More than two batches, written in one statement (the bulk insert of The_search_reads_the_text_index).
        var total = 2 * QuestionSearchIndex.BatchSize + 7;
        await new MessageLog(Db).AskAsync(T0, "The first qzxvisa question");
        await using (var bulk = await Db.OpenAsync())
        {
            var numbers = IsPostgres
                ? "SELECT i FROM generate_series(2, @total) AS i"
                : "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < @total) SELECT i FROM n";
            await bulk.ExecuteAsync($"""
                INSERT INTO messages (conversation_id, channel, user_ref, question, posting_id, received_at)
                SELECT (SELECT MIN(id) FROM conversations), 'web', 'u', 'Question ' || i || ' about the qzxvisa', 'p', i
                FROM ({numbers}) AS numbers
                """, new { total });
        }
        var other = ConnectAgain();

        var added = await Task.WhenAll(Index.CatchUpAsync(default), new QuestionSearchIndex(other).CatchUpAsync(default));

        Assert.Equal(IsPostgres ? 0 : total, added.Sum());
        Assert.Equal(total, (await SearchAsync(new() { Search = "qzxvisa" }, pageSize: 1000)).Count);
        if (IsPostgres) return;
        await using var connection = await Db.OpenAsync();
        // A row indexed twice would fail the check against the table, as would one left out.
        await connection.ExecuteAsync("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
        Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT MAX(id) FROM messages"),
            await connection.ExecuteScalarAsync<long>("SELECT indexed_through FROM message_search_progress"));
    }

    [Fact]
    public async Task A_search_with_few_hits_is_read_from_the_text_index_on_sqlite()
    {
        await SeedAsync();
        await using var connection = await Db.OpenAsync();
        Assert.Equal(!IsPostgres, await Query.DriveByTextIndexAsync(connection, new() { Search = "stipend" }, default));
        Assert.False(await new ConversationQuery(Db) { TextIndexCap = 4 }.DriveByTextIndexAsync(connection, new() { Search = "stipend" }, default));
        Assert.False(await Query.DriveByTextIndexAsync(connection, new() { Search = "is" }, default));
    }

    [Fact]
    public async Task The_search_reads_the_text_index()
    {
        var (sql, parameters) = Query.Build(new MessageFilter { Search = "stipend", Channel = "web" }, null, PageDirection.Older, 51, byTextIndex: !IsPostgres);
        await using var connection = await Db.OpenAsync();
        string plan;
        if (IsPostgres)
        {
            // PostgreSQL plans by statistics: 20 000 questions, one in a thousand with the word, analysed; no knobs.
            await connection.ExecuteAsync("""
                INSERT INTO conversations (channel, external_id, created_at, last_activity_at) VALUES ('web', 'bulk', 0, 0);
                INSERT INTO messages (conversation_id, channel, user_ref, question, posting_id, received_at)
                SELECT (SELECT id FROM conversations WHERE external_id = 'bulk'), CASE WHEN i % 4 = 0 THEN 'slack' ELSE 'web' END,
                       'u', CASE WHEN i % 1000 = 0 THEN 'Is there a stipend ' || i ELSE 'How long is the internship ' || i END,
                       'p', i
                FROM generate_series(1, 20000) AS i;
                ANALYZE messages;
                """);
            plan = string.Join('\n', await connection.QueryAsync<string>("EXPLAIN " + sql, parameters));
            Assert.True(plan.Contains("ix_messages_question_trgm"), plan);
            Assert.Contains("Index Cond: (question ~~*", plan);
        }
        else
        {
            plan = string.Join('\n', (await connection.QueryAsync("EXPLAIN QUERY PLAN " + sql, parameters)).Select(r => (string)r.detail));
            Assert.Contains("messages_fts VIRTUAL TABLE", plan);
            Assert.Contains("SEARCH m USING INTEGER PRIMARY KEY", plan);
        }
    }

    [Fact]
    public async Task The_bundled_sqlite_has_trigram_fts5_and_secure_delete()
    {
        if (IsPostgres)
        {
            await using var pg = await Db.OpenAsync();
            Assert.Equal(1, await pg.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM pg_extension WHERE extname = 'pg_trgm'"));
            return;
        }
        await using var connection = await Db.OpenAsync();
        var version = Version.Parse(await connection.ExecuteScalarAsync<string>("SELECT sqlite_version()") ?? "0.0");
        Assert.True(version >= new Version(3, 44), $"SQLite {version}: trigram needs 3.34, secure-delete 3.44");
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT v FROM messages_fts_config WHERE k = 'secure-delete'"));
    }
}
