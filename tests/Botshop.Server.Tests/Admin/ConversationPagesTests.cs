using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Botshop.Server.Tests.Infrastructure;
using CsvHelper;

namespace Botshop.Server.Tests.Admin;

/// <summary>The conversations pages and CSV export over questions asked through the web chat API.</summary>
[Collection(AdminServerCollection.Name)]
public sealed class ConversationPagesTests(AdminServerFixture fixture) : IDisposable
{
    private static readonly string[] Questions =
        [TestKnowledge.DurationQuestion, TestKnowledge.OffTopicQuestion, "Where is the office?", "Do you sponsor visas?", "How do I apply?"];

    private readonly ChatClient _chat = new(fixture.Server.CreateClient());
    private readonly Lazy<Task<AdminSession>> _session = new(() => AdminSession.SignInAsync(fixture.Server));

    // Questions carry a marker word of their own, so a search isolates this test's questions on the shared server.
    private static string Marker() => "mk" + Guid.NewGuid().ToString("n")[..10];

    private async Task<List<(long Id, string Kind, string Posting)>> AskAsync(string marker, int count, string? posting = null)
    {
        var asked = new List<(long, string, string)>();
        for (var i = 0; i < count; i++)
        {
            var p = posting ?? (i % 3 == 2 ? TestKnowledge.SecondPostingId : TestKnowledge.PostingId);
            var reply = await _chat.AskAsync(ChatClient.NewConversationId(), $"{Questions[i % Questions.Length]} {marker}", p);
            asked.Add(((long)reply["messageId"]!, (string)reply["kind"]!, p));
        }
        return asked;
    }

    private async Task<IHtmlDocument> ListAsync(string query) => await (await _session.Value).GetPageAsync("admin/conversations?" + query);

    private static List<long> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("tr[data-message]").Select(r => long.Parse(r.GetAttribute("data-message")!, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task Filters_narrow_the_list_to_exactly_the_matching_questions_newest_first()
    {
        var marker = Marker();
        var asked = await AskAsync(marker, 9);
        IEnumerable<long> Expect(Func<(long Id, string Kind, string Posting), bool> keep) => asked.Where(keep).Select(a => a.Id).Reverse();
        static bool Declined(string kind) => kind is "NotInPosting" or "OutOfScope";

        Assert.Equal(Expect(_ => true), Rows(await ListAsync($"q={marker}")));
        Assert.Equal(Expect(a => a.Posting == TestKnowledge.SecondPostingId), Rows(await ListAsync($"q={marker}&posting={TestKnowledge.SecondPostingId}")));
        Assert.Equal(Expect(a => Declined(a.Kind)), Rows(await ListAsync($"q={marker}&outcome=declined")));
        Assert.Equal(Expect(a => a.Kind == "Answered"), Rows(await ListAsync($"q={marker}&outcome=answered")));
        Assert.Equal(Expect(a => a.Posting == TestKnowledge.PostingId && Declined(a.Kind)),
            Rows(await ListAsync($"q={marker}&posting={TestKnowledge.PostingId}&outcome=declined&channel=web")));
        Assert.Empty(Rows(await ListAsync($"q={marker}&channel=slack")));
        Assert.Contains(asked, a => Declined(a.Kind));
        Assert.Contains(asked, a => a.Kind == "Answered");
    }

    [Fact]
    public async Task New_questions_are_found_at_once_and_join_the_search_index_within_seconds()
    {
        var marker = Marker();
        var asked = (await AskAsync(marker, 3, TestKnowledge.PostingId)).Select(a => a.Id).Reverse().ToList();
        // Found whether the index has them yet or not (rows above its mark are tested directly).
        Assert.Equal(asked, Rows(await ListAsync($"q={marker}")));

        // The server's background indexer takes them in (Search:IndexEvery, 1 s by default).
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await fixture.Server.Database.SearchIndexedThroughAsync() < asked[0])
        {
            Assert.True(DateTime.UtcNow < deadline, "the questions were not indexed within 15 s");
            await Task.Delay(100);
        }
        Assert.Equal(asked, Rows(await ListAsync($"q={marker}")));
    }

    [Fact]
    public async Task Thumbs_down_filter_shows_only_the_disliked_answer()
    {
        var marker = Marker();
        var conversation = ChatClient.NewConversationId();
        var liked = (long)(await _chat.AskAsync(conversation, $"{TestKnowledge.DurationQuestion} {marker}"))["messageId"]!;
        var disliked = (long)(await _chat.AskAsync(conversation, $"Where is the office? {marker}"))["messageId"]!;
        Assert.Equal(HttpStatusCode.NoContent, (await _chat.VoteAsync(conversation, liked, "up")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _chat.VoteAsync(conversation, disliked, "down")).StatusCode);

        Assert.Equal([disliked], Rows(await ListAsync($"q={marker}&down=true")));
    }

    [Fact]
    public async Task Older_and_newer_links_page_through_a_long_list_fifty_at_a_time()
    {
        var marker = Marker();
        var asked = (await AskAsync(marker, 57, TestKnowledge.PostingId)).Select(a => a.Id).Reverse().ToList();
        var session = await _session.Value;

        var first = await ListAsync($"q={marker}");
        var older = await session.GetPageAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!.TrimStart('/'));
        var back = await session.GetPageAsync(older.QuerySelector("a[rel=prev]")!.GetAttribute("href")!.TrimStart('/'));

        Assert.Equal(asked[..50], Rows(first));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal(asked[50..], Rows(older));
        Assert.Null(older.QuerySelector("a[rel=next]"));
        Assert.Equal(asked[..50], Rows(back));
        Assert.Contains($"q={marker}", older.QuerySelector("a[rel=prev]")!.GetAttribute("href")); // the filter travels with the cursor
    }

    [Fact]
    public async Task Thread_shows_each_question_with_intent_confidence_and_the_cited_passage()
    {
        var conversation = ChatClient.NewConversationId();
        var answered = await _chat.AskAsync(conversation, TestKnowledge.DurationQuestion);
        var declined = await _chat.AskAsync(conversation, TestKnowledge.OffTopicQuestion);
        var session = await _session.Value;
        var list = await ListAsync($"q={Uri.EscapeDataString(TestKnowledge.DurationQuestion)}");
        var link = list.QuerySelector($"tr[data-message='{answered["messageId"]}'] td.question a")!.GetAttribute("href")!;

        var thread = await session.GetPageAsync(link.Split('#')[0].TrimStart('/'));

        var items = thread.QuerySelectorAll("li[data-message]").ToList();
        Assert.Equal([(long)answered["messageId"]!, (long)declined["messageId"]!], items.Select(i => long.Parse(i.GetAttribute("data-message")!, CultureInfo.InvariantCulture)));
        var first = items[0];
        Assert.Equal(("Answered", (string?)answered["intent"]), (first.QuerySelector(".kind")!.TextContent, first.QuerySelector(".intent")!.TextContent));
        Assert.Equal(((double)answered["confidence"]!).ToString("0.000", CultureInfo.InvariantCulture), first.QuerySelector(".confidence")!.TextContent);
        Assert.Contains(TestKnowledge.DurationPassageText, first.QuerySelector("blockquote.source")!.TextContent);
        Assert.Equal(TestKnowledge.DurationAnswer, first.QuerySelector(".answer .text")!.TextContent);
        Assert.Equal("OutOfScope", items[1].QuerySelector(".kind")!.TextContent);
        Assert.Null(items[1].QuerySelector("blockquote.source"));
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("admin/conversations/999999999")).StatusCode);
    }

    [Fact]
    public async Task Markup_in_a_question_is_shown_as_text_in_the_list_and_the_thread()
    {
        var marker = Marker();
        var question = $"<script>document.title='pwned'</script><b>bold</b><img src=x onerror=alert(1)> {marker}";
        var reply = await _chat.AskAsync(ChatClient.NewConversationId(), question);
        var session = await _session.Value;

        var list = await ListAsync($"q={marker}");
        var cell = list.QuerySelector($"tr[data-message='{reply["messageId"]}'] td.question")!;
        var thread = await session.GetPageAsync(cell.QuerySelector("a")!.GetAttribute("href")!.Split('#')[0].TrimStart('/'));
        var shown = thread.QuerySelector($"li[data-message='{reply["messageId"]}'] .question .text")!;

        foreach (var element in new[] { cell, shown })
        {
            Assert.Equal(question, element.TextContent);
            Assert.Empty(element.QuerySelectorAll("script, b, img"));
        }
    }

    [Fact]
    public async Task Csv_export_holds_every_page_of_the_filter_with_formulas_neutralised()
    {
        var marker = Marker();
        var formulas = new[] { "=SUM(A1:A9)", "+cmd|' /C calc'!A0", "@SUM(A1)", "-A1+A2" };
        var formulaQuestions = new List<(long Id, string Question)>();
        foreach (var f in formulas)
            formulaQuestions.Add(((long)(await _chat.AskAsync(ChatClient.NewConversationId(), $"{f} {marker}"))["messageId"]!, $"{f} {marker}"));
        // More than a page (50): the export must not stop at the first.
        var all = formulaQuestions.Select(q => q.Id).Concat((await AskAsync(marker, 52, TestKnowledge.PostingId)).Select(a => a.Id)).ToList();
        var session = await _session.Value;

        using var response = await session.Client.GetAsync($"admin/conversations/export?q={marker}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment;", response.Content.Headers.ContentDisposition?.ToString());
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(all.OrderDescending(), rows.Select(r => long.Parse((string)r["message_id"], CultureInfo.InvariantCulture)));
        foreach (var (id, question) in formulaQuestions)
        {
            var cell = (string)rows.Single(r => (string)r["message_id"] == id.ToString(CultureInfo.InvariantCulture))["question"];
            Assert.Equal("'" + question, cell);
        }
        Assert.All(rows, r => Assert.Equal("web", r["channel"]));
    }

    [Fact]
    public async Task A_filter_that_cannot_be_read_is_refused_with_the_reason()
    {
        var session = await _session.Value;

        using var page = await session.Client.GetAsync("admin/conversations?below=2");
        using var date = await session.Client.GetAsync("admin/conversations?from=yesterday");
        using var cursor = await session.Client.GetAsync("admin/conversations?older=abc");
        using var export = await session.Client.GetAsync("admin/conversations/export?outcome=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("below is a confidence", AdminSession.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, date.StatusCode);
        Assert.Contains("from is not valid", AdminSession.Parse(await date.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, cursor.StatusCode);
        var problem = await Problem.ReadAsync(export, HttpStatusCode.BadRequest);
        Assert.Contains("outcome", Problem.Detail(problem));
    }

    public void Dispose()
    {
        if (_session.IsValueCreated) _session.Value.Result.Dispose();
    }
}
