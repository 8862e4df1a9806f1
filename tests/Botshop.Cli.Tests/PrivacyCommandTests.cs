using Botshop.Core;
using Botshop.Core.Conversations;
using Botshop.Hosting;
using Botshop.Hosting.Privacy;
using Botshop.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Cli.Tests;

/// <summary>
/// `botshop forget`, `export-user` and `purge` on a store a server would have written: the rows are recorded here with
/// the same services (AddBotshopCore), reply addresses encrypted with the store's key ring, then the real CLI runs.
/// </summary>
public sealed class PrivacyCommandTests : IDisposable
{
    private const string Candidate = "U0CLICANDIDATE";
    private const string Other = "U0CLIOTHER";
    private static readonly string HashKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly TempFolder _temp = new();
    private readonly CliEnvironment _env;

    public PrivacyCommandTests() => _env = new CliEnvironment(_temp.File("botshop.db"), null, _temp.Path);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Export_user_prints_everything_stored_about_the_candidate_with_reply_addresses_decrypted()
    {
        var (candidateRef, _) = await SeedAsync(DateTimeOffset.UtcNow);

        var result = await CliProcess.RunAsync(_env, "export-user", "--channel", "slack", "--user", Candidate);

        CliAssert.Succeeded(result);
        var export = result.Json();
        Assert.Equal(candidateRef, export.GetProperty("userRef").GetString());
        var messages = export.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["Is there a stipend? Mail [email]", "And housing?"], messages.Select(m => m.GetProperty("question").GetString()));
        Assert.Equal(Candidate, messages[0].GetProperty("replyRef").GetProperty("user").GetString());
        Assert.Equal("1712.000100", messages[1].GetProperty("replyRef").GetProperty("threadTs").GetString());
        var conversation = Assert.Single(export.GetProperty("conversations").EnumerateArray());
        Assert.Equal("DCLI", conversation.GetProperty("replyRef").GetProperty("channel").GetString());
        Assert.True(conversation.GetProperty("startedByCandidate").GetBoolean());
        Assert.Equal(messages[0].GetProperty("id").GetInt64(), Assert.Single(export.GetProperty("feedback").EnumerateArray()).GetProperty("messageId").GetInt64());
        Assert.DoesNotContain(Other, result.Stdout);
        Assert.Equal(["cli candidate.export"], await AuditAsync());
    }

    [Fact]
    public async Task Forget_by_platform_id_deletes_that_candidate_only_and_records_who_did_it()
    {
        var (candidateRef, otherRef) = await SeedAsync(DateTimeOffset.UtcNow);

        var result = await CliProcess.RunAsync(_env, "forget", "--channel", "slack", "--user", Candidate, "--json");

        CliAssert.Succeeded(result);
        Assert.Equal((2, 1, 1), (result.Json().GetProperty("messages").GetInt32(), result.Json().GetProperty("conversations").GetInt32(),
            result.Json().GetProperty("feedback").GetInt32()));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM messages WHERE user_ref = $r", candidateRef));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM conversations WHERE user_ref = $r", candidateRef));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM messages WHERE user_ref = $r", otherRef));
        Assert.Equal(["cli candidate.forget"], await AuditAsync());
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%' || $r || '%' OR subject LIKE '%' || $r || '%'", candidateRef));
    }

    [Fact]
    public async Task Forget_by_stored_reference_works_as_by_platform_id()
    {
        var (_, otherRef) = await SeedAsync(DateTimeOffset.UtcNow);

        var result = await CliProcess.RunAsync(_env, "forget", "--user-ref", otherRef);

        CliAssert.Succeeded(result);
        Assert.Contains("Deleted 1 message(s)", result.Stdout);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM messages WHERE user_ref = $r", otherRef));
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM messages WHERE user_ref <> $r", otherRef));
    }

    [Fact]
    public async Task Purge_dry_run_counts_what_is_due_and_purge_deletes_exactly_that()
    {
        await SeedAsync(DateTimeOffset.UtcNow.AddDays(-200)); // older than the default 180 days
        var (recentRef, _) = await SeedAsync(DateTimeOffset.UtcNow.AddDays(-10), conversationSuffix: "NEW");

        var preview = await CliProcess.RunAsync(_env, "purge", "--dry-run", "--json");
        var purge = await CliProcess.RunAsync(_env, "purge", "--json");

        CliAssert.Succeeded(preview);
        CliAssert.Succeeded(purge);
        Assert.True(preview.Json().GetProperty("dryRun").GetBoolean());
        Assert.Equal(180, preview.Json().GetProperty("retentionDays").GetInt32());
        foreach (var field in new[] { "messages", "feedback", "conversations" })
            Assert.Equal(preview.Json().GetProperty(field).GetInt32(), purge.Json().GetProperty(field).GetInt32());
        Assert.Equal((3, 1, 2), (purge.Json().GetProperty("messages").GetInt32(), purge.Json().GetProperty("feedback").GetInt32(),
            purge.Json().GetProperty("conversations").GetInt32()));
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM messages WHERE user_ref = $r", recentRef)); // the recent ones stay
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM messages", ""));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM maintenance_runs WHERE job = 'retention-purge' AND finished_at IS NOT NULL", ""));
    }

    [Theory]
    [InlineData("forget")]
    [InlineData("forget", "--channel", "slack")]
    [InlineData("forget", "--channel", "irc", "--user", "U1")]
    [InlineData("export-user", "--user-ref", "u_1", "--channel", "slack", "--user", "U1")]
    public async Task A_candidate_named_wrongly_is_refused_in_one_line(params string[] args)
    {
        var result = await CliProcess.RunAsync(_env, args);

        CliAssert.OneLineError(result, ExitCodes.BadInput);
        Assert.Empty(result.Stdout);
    }

    /// <summary>
    /// The candidate: a DM with two questions (one an /ask, answerable by DM only), a vote, a recruiter reply. Someone else: one question in the same
    /// workspace. Returns both stored references.
    /// </summary>
    private async Task<(string Candidate, string Other)> SeedAsync(DateTimeOffset at, string conversationSuffix = "")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Botshop"] = _env.ConnectionString,
            ["Botshop:UserHashKey"] = HashKey,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddBotshopCore(configuration).BuildServiceProvider();
        await services.GetRequiredService<BotshopDatabase>().MigrateAsync();
        await services.GetRequiredService<DataProtectionKeyBootstrap>().EnsureKeyAsync(default);
        var protector = services.GetRequiredService<ReplyRefProtector>();
        var pseudonym = services.GetRequiredService<UserPseudonym>();
        var log = services.GetRequiredService<IConversationLog>();
        var candidate = pseudonym.For("slack", Candidate);
        var other = pseudonym.For("slack", Other);
        var conversationRef = protector.Protect("""{"kind":"slack","channel":"DCLI","team":"T1"}""");

        var first = await log.RecordQuestionAsync(new IncomingMessage("slack", "DCLI" + conversationSuffix, candidate, "Is there a stipend? Mail [email]",
            ReplyRef: new(conversationRef, protector.Protect($$"""{"kind":"slack","user":"{{Candidate}}"}"""))), at, default);
        await log.RecordQuestionAsync(new IncomingMessage("slack", "DCLI" + conversationSuffix, candidate, "And housing?",
            ReplyRef: new(conversationRef, protector.Protect("""{"kind":"slack","threadTs":"1712.000100"}"""))), at.AddSeconds(1), default);
        await log.RecordFeedbackAsync(first!.Value, "slack", FeedbackVote.Up, candidate, at, default);
        await log.RecordQuestionAsync(new IncomingMessage("slack", "DOTHER" + conversationSuffix, other, "Remote?"), at, default);
        return (candidate, other);
    }

    private async Task<long> CountAsync(string sql, string userRef)
    {
        await using var connection = StoreFile.Open(_env.DatabasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$r", StringComparison.Ordinal)) command.Parameters.AddWithValue("$r", userRef);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> AuditAsync()
    {
        await using var connection = StoreFile.Open(_env.DatabasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT actor || ' ' || action FROM audit_log ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
