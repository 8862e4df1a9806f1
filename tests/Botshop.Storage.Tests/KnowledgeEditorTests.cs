using System.Text.Json;
using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Knowledge;
using Botshop.Core.Knowledge.Editing;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

/// <summary>The knowledge editor over the real store: refusals change nothing, edits are stored with who and when, audited, and served at once.</summary>
public abstract class KnowledgeEditorTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset Now = new(2025, 7, 1, 9, 30, 0, TimeSpan.Zero);
    private const string PostingId = EditableKnowledge.PostingId;

    private readonly FixedTime _clock = new(Now);
    private readonly LiveKnowledge _live = new();
    private KnowledgeEditor _editor = null!;
    private AuditLog _audit = null!;
    private Posting Posting => _live.Required.FindPosting(PostingId)!;
    private AnswerService Answers => new(_live, new LiveModel());

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _live.Set(await EditableKnowledge.SeedAsync(Db));
        _audit = new AuditLog(Db, _clock);
        _editor = new KnowledgeEditor(new KnowledgeEditStore(Db), new KnowledgeRefresher(new KnowledgeStore(Db), _live), _audit, _clock);
    }

    [Fact]
    public async Task An_edited_answer_is_served_at_once_and_stored_with_who_and_when()
    {
        const string text = "The internship lasts 12 weeks, from June to August.";

        await _editor.SetAnswerAsync("duration", PostingId, text, [EditableKnowledge.DurationPassage], "ana", default);

        var reply = Answers.AnswerIntent("duration", Posting);
        Assert.Equal((ReplyKind.Answered, text), (reply.Kind, reply.Text));
        Assert.Equal([EditableKnowledge.DurationPassage], reply.Sources.Select(s => s.Id));
        var row = await AnswerRowAsync("duration");
        Assert.Equal(("live", "ana", Now.ToUnixTimeMilliseconds()), (row.Status, row.UpdatedBy, row.UpdatedAt));
        var entry = Assert.Single(await _audit.RecentAsync(10, null, default));
        Assert.Equal(("ana", AuditActions.AnswerUpdate, "duration/" + PostingId), (entry.Actor, entry.Action, entry.Subject));
        var detail = JsonDocument.Parse(entry.Detail!).RootElement;
        Assert.Equal(EditableKnowledge.DurationAnswer, detail.GetProperty("before").GetProperty("text").GetString());
        Assert.Equal(text, detail.GetProperty("after").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_new_answer_for_an_intent_the_posting_did_not_answer_is_served()
    {
        await _editor.CreateIntentAsync("pay", "whether the internship is paid", "ana", default);
        Assert.Equal(ReplyKind.NotInPosting, Answers.AnswerIntent("pay", Posting).Kind);

        await _editor.SetAnswerAsync("pay", PostingId, "Yes, it is paid.", [EditableKnowledge.PayPassage], "ana", default);

        Assert.Equal("Yes, it is paid.", Answers.AnswerIntent("pay", Posting).Text);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("unknown-passage", "no passage")]
    [InlineData("no-citation", "Cite at least one passage")]
    [InlineData("too-long", "keep it under 700")]
    public async Task A_refused_answer_changes_nothing(string kind, string reason)
    {
        var (text, sources) = kind switch
        {
            "unknown-passage" => ("Twelve weeks.", new[] { EditableKnowledge.DurationPassage, "duration/made-up" }),
            "no-citation" => ("Twelve weeks.", Array.Empty<string>()),
            "too-long" => (new string('w', KnowledgeRules.MaxAnswerLength), new[] { EditableKnowledge.DurationPassage }),
            _ => (kind, new[] { EditableKnowledge.DurationPassage }),
        };

        var refusal = await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.SetAnswerAsync("duration", PostingId, text, sources, "ana", default));

        Assert.Contains(reason, refusal.Message);
        Assert.Equal(EditableKnowledge.DurationAnswer, Answers.AnswerIntent("duration", Posting).Text);
        Assert.Equal(EditableKnowledge.DurationAnswer, (await AnswerRowAsync("duration")).Text);
        Assert.Empty(await _audit.RecentAsync(10, null, default));
    }

    [Fact]
    public async Task Answers_for_unknown_postings_intents_or_out_of_scope_are_refused()
    {
        await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.SetAnswerAsync("duration", "nope", "x", [EditableKnowledge.DurationPassage], "ana", default));
        await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.SetAnswerAsync("nope", PostingId, "x", [EditableKnowledge.DurationPassage], "ana", default));
        await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.SetAnswerAsync(Intent.OutOfScope, PostingId, "x", [EditableKnowledge.DurationPassage], "ana", default));
        Assert.Empty(await _audit.RecentAsync(10, null, default));
    }

    [Fact]
    public async Task A_removed_answer_is_declined_at_once_and_audited()
    {
        await _editor.RemoveAnswerAsync("location", PostingId, "ben", default);

        Assert.Equal(ReplyKind.NotInPosting, Answers.AnswerIntent("location", Posting).Kind);
        Assert.Equal(("ben", AuditActions.AnswerRemove), Latest(await _audit.RecentAsync(1, null, default)));
        await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.RemoveAnswerAsync("location", PostingId, "ben", default));
    }

    [Fact]
    public async Task Drafts_are_not_served_but_the_editor_sees_them_and_saving_one_publishes_it()
    {
        await ExecuteAsync("""
            INSERT INTO answers (intent_name, posting_id, text, source_ids, status)
            VALUES ('location', 'draft-posting', 'Draft text.', '["x"]', 'draft')
            """);
        await ExecuteAsync("UPDATE answers SET status = 'draft' WHERE intent_name = 'duration'");

        var served = await new KnowledgeStore(Db).LoadAsync(default);
        Assert.False(served.FindIntent("duration")!.Answers.ContainsKey(PostingId));
        Assert.Equal([PostingId], served.FindIntent("location")!.Answers.Keys);
        var detail = (await _editor.GetIntentAsync("location", default))!;
        Assert.Equal([("draft-posting", AnswerStatus.Draft), (PostingId, AnswerStatus.Live)], detail.Answers.Select(a => (a.PostingId, a.Status)));
        var summary = Assert.Single(await _editor.ListIntentsAsync("duration", default));
        Assert.Empty(summary.AnsweredPostings);
        Assert.Equal([PostingId], summary.DraftPostings);

        await _editor.SetAnswerAsync("duration", PostingId, "Twelve weeks.", [EditableKnowledge.DurationPassage], "ana", default);

        Assert.Equal("Twelve weeks.", Answers.AnswerIntent("duration", Posting).Text);
        Assert.Equal("live", (await AnswerRowAsync("duration")).Status);
    }

    [Fact]
    public async Task A_new_intent_needs_a_slug_name_and_a_topic_and_a_free_name()
    {
        await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.CreateIntentAsync("Remote Work", "remote work", "ana", default));
        await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.CreateIntentAsync("remote_work", " ", "ana", default));
        var taken = await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.CreateIntentAsync("duration", "again", "ana", default));
        Assert.Contains("exists already", taken.Message);
        Assert.Empty(await _audit.RecentAsync(10, null, default));

        await _editor.CreateIntentAsync("remote_work", "working from home", "ana", default);

        Assert.Equal("working from home", _live.Required.FindIntent("remote_work")!.Topic);
        Assert.Equal(("ana", AuditActions.IntentCreate), Latest(await _audit.RecentAsync(1, null, default)));
    }

    [Fact]
    public async Task A_topic_edit_is_served_and_audited_with_before_and_after()
    {
        await _editor.SetTopicAsync("location", "where you would work", "ana", default);

        Assert.Equal("where you would work", _live.Required.FindIntent("location")!.Topic);
        var entry = (await _audit.RecentAsync(1, null, default))[0];
        Assert.Equal("where the work happens", JsonDocument.Parse(entry.Detail!).RootElement.GetProperty("before").GetString());
        await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.SetTopicAsync("nope", "x", "ana", default));
    }

    [Fact]
    public async Task An_added_example_is_stored_with_who_and_when()
    {
        await _editor.AddExampleAsync("duration", "  When does it end?  ", "ana", default);

        var example = (await _editor.GetIntentAsync("duration", default))!.Examples[^1];
        Assert.Equal(("When does it end?", "ana", Now, (long?)null), (example.Text, example.AddedBy, example.AddedAt, example.SourceMessageId));
        Assert.Equal(2, example.Position);
        Assert.Contains("When does it end?", _live.Required.FindIntent("duration")!.Examples);
        Assert.Equal(("ana", AuditActions.ExampleAdd), Latest(await _audit.RecentAsync(1, null, default)));
    }

    [Fact]
    public async Task An_example_already_in_this_or_another_intent_is_refused()
    {
        var again = await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.AddExampleAsync("duration", "how long is the INTERNSHIP", "ana", default));
        var elsewhere = await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.AddExampleAsync("duration", "Is there a stipend?", "ana", default));

        Assert.Contains("already has", again.Message);
        Assert.Contains("'out_of_scope'", elsewhere.Message);
        Assert.Equal(2, (await _editor.GetIntentAsync("duration", default))!.Examples.Count);
        Assert.Empty(await _audit.RecentAsync(10, null, default));
    }

    [Fact]
    public async Task Removing_an_example_needs_its_current_text()
    {
        await Assert.ThrowsAsync<KnowledgeEditException>(() => _editor.RemoveExampleAsync("duration", 0, "How many weeks?", "ana", default));

        await _editor.RemoveExampleAsync("duration", 1, "How many weeks?", "ana", default);

        Assert.Equal(["How long is the internship?"], (await _editor.GetIntentAsync("duration", default))!.Examples.Select(e => e.Text));
        Assert.Equal(("ana", AuditActions.ExampleRemove), Latest(await _audit.RecentAsync(1, null, default)));
    }

    [Fact]
    public async Task Two_recruiters_adding_one_question_to_two_intents_at_once_store_it_once()
    {
        var other = new KnowledgeEditor(new KnowledgeEditStore(ConnectAgain()), new KnowledgeRefresher(new KnowledgeStore(Db), _live), _audit, _clock);

        var results = await Task.WhenAll(
            Attempt(() => _editor.AddExampleAsync("duration", "Can I start in May?", "ana", default)),
            Attempt(() => other.AddExampleAsync("location", "can I start in may", "ben", default)));

        Assert.Single(results, ok => ok);
        await using var connection = await Db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM examples WHERE lower(text) LIKE 'can i start in may%'"));
    }

    [Fact]
    public async Task The_list_counts_examples_names_answered_postings_and_searches_literally()
    {
        await _editor.CreateIntentAsync("office_days", "days in the office", "ana", default);
        await _editor.AddExampleAsync("office_days", "How many days on site?", "ana", default);

        var all = await _editor.ListIntentsAsync(null, default);
        Assert.Equal(["duration", "location", "office_days", Intent.OutOfScope], all.Select(i => i.Name));
        Assert.Equal(2, all[0].ExampleCount);
        Assert.Equal([PostingId], all[0].AnsweredPostings);
        Assert.Equal(["location"], (await _editor.ListIntentsAsync("LISBON", default)).Select(i => i.Name));
        Assert.Equal(["office_days"], (await _editor.ListIntentsAsync("office_", default)).Select(i => i.Name));
        Assert.Empty(await _editor.ListIntentsAsync("%", default));
    }

    [Fact]
    public async Task History_shows_this_intent_and_its_answers_only()
    {
        await _editor.CreateIntentAsync("location_detail", "which office exactly", "ana", default);
        await _editor.SetTopicAsync("location", "where you would work", "ben", default);
        await _editor.SetAnswerAsync("location", PostingId, "Lisbon, on site.", [EditableKnowledge.LocationPassage], "ana", default);

        var history = await _editor.HistoryAsync("location", 10, default);

        Assert.Equal([(AuditActions.AnswerUpdate, "location/" + PostingId), (AuditActions.IntentTopic, "location")],
            history.Select(h => (h.Action, h.Subject)));
    }

    private static async Task<bool> Attempt(Func<Task> edit)
    {
        try
        {
            await edit();
            return true;
        }
        catch (KnowledgeEditException)
        {
            return false;
        }
    }

    private static (string, string) Latest(IReadOnlyList<AuditEntry> entries) => (entries[0].Actor, entries[0].Action);

    private async Task<AnswerRow> AnswerRowAsync(string intent)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.QuerySingleAsync<AnswerRow>(
            "SELECT text, status, updated_by AS UpdatedBy, updated_at AS UpdatedAt FROM answers WHERE intent_name = @intent AND posting_id = @PostingId",
            new { intent, PostingId });
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Db.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    private sealed class AnswerRow
    {
        public string Text { get; init; } = "";
        public string Status { get; init; } = "";
        public string? UpdatedBy { get; init; }
        public long? UpdatedAt { get; init; }
    }
}
