using System.Text;
using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Hosting.Postings;
using Botshop.Storage;
using Dapper;

namespace Botshop.Hosting.Tests;

/// <summary>
/// After a posting update, an answer citing a passage the posting no longer has is stale: listed for recruiters with
/// what the passage said and the closest current passage, and never served as if its citation held.
/// </summary>
public sealed class StaleCitationTests : HostedTests
{
    private const string NewDurationLine = "The internship lasts 10 weeks, from June to mid-August.";

    private readonly string _folder = Directory.CreateTempSubdirectory("botshop-stale-").FullName;
    protected override string DataFolder() => WidgetData.Write(_folder);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Host.Get<ModelService>().TrainAndActivateAsync(Host.Live, BotBootstrapper.FirstModelOptions, null, default);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<PostingUploadResult> UpdateDurationAsync() => Host.Get<PostingUploads>().UploadAsync(
        new PostingUpload(WidgetData.FileName, Encoding.UTF8.GetBytes(WidgetData.Text.Replace(WidgetData.DurationLine, NewDurationLine))),
        "ana", default);

    private async Task<Reply> AskAsync(string question)
    {
        var handled = await Host.Get<ConversationService>().HandleAsync(
            new IncomingMessage("cli", "stale-" + Guid.NewGuid().ToString("n"), "u_test", question), default);
        return handled!.Reply;
    }

    [Fact]
    public async Task Stale_answer_is_listed_with_what_the_passage_said_and_the_closest_current_passage()
    {
        var result = await UpdateDurationAsync();

        var stale = Assert.Single(await Host.Get<PostingWorkspace>().StaleAnswersAsync(WidgetData.PostingId, default));
        Assert.Equal(("duration", WidgetData.PostingId, WidgetData.DurationAnswer), (stale.Intent, stale.PostingId, stale.AnswerText));
        var missing = Assert.Single(stale.Missing);
        Assert.Equal(Assert.Single(result.RemovedPassageIds), missing.PassageId);
        Assert.Equal(WidgetData.DurationLine, missing.FormerText);
        Assert.Equal(NewDurationLine, missing.Suggestion?.Text);
        Assert.Equal(stale, Assert.Single(result.StaleAnswers), StaleComparer);
        Assert.Equal(1, (await Host.Get<PostingWorkspace>().ListAsync(default)).Single().StaleAnswers);
    }

    [Fact]
    public async Task Bot_abstains_on_a_stale_citation_hands_off_and_flags_it_in_the_log()
    {
        var before = await AskAsync("How long is the internship?");
        Assert.Equal(ReplyKind.Answered, before.Kind);
        Assert.Equal(WidgetData.DurationAnswer, before.Text);

        await UpdateDurationAsync();
        var after = await AskAsync("How long is the internship?");
        var chosen = Host.Get<AnswerService>().AnswerIntent("duration", Host.Live.FindPosting(WidgetData.PostingId)!);

        foreach (var reply in new[] { after, chosen })
        {
            Assert.Equal(ReplyKind.StaleCitation, reply.Kind);
            Assert.False(reply.Answered);
            Assert.True(reply.HandedOff);
            Assert.Empty(reply.Sources);
            Assert.DoesNotContain("12 weeks", reply.Text);
            Assert.Contains(ReplyTexts.HandOff, reply.Text);
        }
        // The other answer's citation holds: still served.
        Assert.Equal(ReplyKind.Answered, (await AskAsync("Where is the office?")).Kind);
        await using var connection = await Host.Get<BotshopDatabase>().OpenAsync();
        var logged = await connection.QueryAsync<(string Kind, bool Answered)>(
            "SELECT reply_kind, answered FROM messages WHERE intent = 'duration' ORDER BY id");
        Assert.Equal([("Answered", true), ("StaleCitation", false)], logged);
    }

    [Fact]
    public async Task Posting_unchanged_where_answers_cite_it_leaves_nothing_stale()
    {
        var result = await Host.Get<PostingUploads>().UploadAsync(
            new PostingUpload(WidgetData.FileName, Encoding.UTF8.GetBytes(WidgetData.Text + "\nHow to apply\n\nSend us your CV.\n")), "ana", default);

        Assert.Empty(result.RemovedPassageIds);
        Assert.Empty(result.StaleAnswers);
        Assert.Empty(await Host.Get<PostingWorkspace>().StaleAnswersAsync(null, default));
        Assert.Equal(ReplyKind.Answered, (await AskAsync("How long is the internship?")).Kind);
    }

    private static readonly IEqualityComparer<Core.Postings.StaleAnswer> StaleComparer = EqualityComparer<Core.Postings.StaleAnswer>.Create(
        (a, b) => a!.Intent == b!.Intent && a.PostingId == b.PostingId && a.Missing.SequenceEqual(b.Missing), a => a.Intent.GetHashCode());
}
