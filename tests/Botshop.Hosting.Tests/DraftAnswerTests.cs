using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Postings;
using Botshop.Hosting.Postings;

namespace Botshop.Hosting.Tests;

/// <summary>
/// A posting no answer covers gets draft answers drawn from its own passages, matched to what existing answers cite;
/// drafts are not served until a recruiter approves them.
/// </summary>
public sealed class DraftAnswerTests : HostedTests
{
    private Task<PostingUploadResult> UploadThirdAsync() =>
        Host.Get<PostingUploads>().UploadAsync(new PostingUpload(ThirdPosting.FileName, ThirdPosting.Bytes), "ana", default);

    [Fact]
    public async Task New_posting_gets_drafts_quoting_its_own_passages_for_the_facts_it_shares()
    {
        var result = await UploadThirdAsync();

        var posting = result.Posting;
        string Cited(string text) => posting.Passages.Single(p => p.Text == text).Id;
        var drafts = (await Host.Get<IDraftAnswerStore>().ListAsync(ThirdPosting.Id, default)).ToDictionary(d => d.Intent);
        Assert.Equal([Cited(ThirdPosting.Duration)], drafts["duration"].SourceIds);
        Assert.Equal([Cited(ThirdPosting.Office)], drafts["remote_work"].SourceIds);
        Assert.Equal([Cited(ThirdPosting.Languages)], drafts["programming_languages"].SourceIds);
        Assert.Equal([Cited(ThirdPosting.Proposal)], drafts["proposal"].SourceIds);
        // The words are the new posting's own, not another posting's answer.
        Assert.Equal(ThirdPosting.Duration, drafts["duration"].Text);
        Assert.All(drafts.Values, d => Assert.Equal(PostingUploads.SystemActor, d.UpdatedBy));
        Assert.Equal(drafts.Keys.Order(), result.Drafts.Select(d => d.Intent).Order());
    }

    [Fact]
    public async Task No_draft_for_facts_the_new_posting_lacks()
    {
        await UploadThirdAsync();

        var drafts = await Host.Get<IDraftAnswerStore>().ListAsync(ThirdPosting.Id, default);
        // What the posting states: duration and timing (12 summer weeks), office and location, systems languages, proposals.
        string[] stated = ["duration", "timing", "job_type", "location", "remote_work", "programming_languages", "requirements", "proposal", "project_matching"];
        Assert.Subset(stated.ToHashSet(), drafts.Select(d => d.Intent).ToHashSet());
        var perks = Host.Live.FindPosting(ThirdPosting.Id)!.Passages
            .Where(p => p.Text is ThirdPosting.Travel or ThirdPosting.Bicycles || p.Section == "Overview").Select(p => p.Id).ToHashSet();
        Assert.DoesNotContain(drafts, d => d.SourceIds.Any(perks.Contains));
    }

    [Fact]
    public async Task Drafts_are_not_served_until_approved_and_then_quote_the_passage()
    {
        await UploadThirdAsync();
        var answers = Host.Get<AnswerService>();
        var posting = Host.Live.FindPosting(ThirdPosting.Id)!;
        Assert.Equal(ReplyKind.NotInPosting, answers.AnswerIntent("duration", posting).Kind);

        var decision = await Host.Get<DraftReview>().ApproveAsync("duration", ThirdPosting.Id, "It's a 12-week summer internship.", "ana", default);

        Assert.True(decision.Succeeded, decision.Error);
        var reply = answers.AnswerIntent("duration", Host.Live.FindPosting(ThirdPosting.Id)!);
        Assert.Equal(ReplyKind.Answered, reply.Kind);
        Assert.Equal("It's a 12-week summer internship.", reply.Text);
        Assert.Equal([ThirdPosting.Duration], reply.Sources.Select(s => s.Text));
        Assert.DoesNotContain(await Host.Get<IDraftAnswerStore>().ListAsync(ThirdPosting.Id, default), d => d.Intent == "duration");
        var audit = await Host.Get<IAuditLog>().RecentAsync(10, "duration/", default);
        Assert.Contains(audit, e => e.Action == "answer.approve" && e.Actor == "ana" && e.Detail!.Contains("\"edited\":true"));
    }

    [Fact]
    public async Task Discarded_draft_is_gone_and_audited()
    {
        await UploadThirdAsync();

        var decision = await Host.Get<DraftReview>().DiscardAsync("proposal", ThirdPosting.Id, "ana", default);
        var again = await Host.Get<DraftReview>().DiscardAsync("proposal", ThirdPosting.Id, "ana", default);

        Assert.True(decision.Succeeded);
        Assert.False(again.Succeeded);
        Assert.DoesNotContain(await Host.Get<IDraftAnswerStore>().ListAsync(ThirdPosting.Id, default), d => d.Intent == "proposal");
        Assert.Equal(ReplyKind.NotInPosting, Host.Get<AnswerService>().AnswerIntent("proposal", Host.Live.FindPosting(ThirdPosting.Id)!).Kind);
        Assert.Contains(await Host.Get<IAuditLog>().RecentAsync(10, "proposal/", default), e => e.Action == "answer.draft.discard");
    }

    [Fact]
    public async Task Empty_or_overlong_approval_is_refused_and_the_draft_stays()
    {
        await UploadThirdAsync();
        var review = Host.Get<DraftReview>();

        var empty = await review.ApproveAsync("duration", ThirdPosting.Id, "   ", "ana", default);
        var overlong = await review.ApproveAsync("duration", ThirdPosting.Id, new string('x', 701), "ana", default);
        var unknown = await review.ApproveAsync("no_such_intent", ThirdPosting.Id, null, "ana", default);

        Assert.False(empty.Succeeded);
        Assert.False(overlong.Succeeded);
        Assert.False(unknown.Succeeded);
        Assert.Contains(await Host.Get<IDraftAnswerStore>().ListAsync(ThirdPosting.Id, default), d => d.Intent == "duration");
    }

    [Fact]
    public async Task Updating_an_uncovered_posting_redrafts_from_its_new_passages()
    {
        await UploadThirdAsync();
        var changed = ThirdPosting.Text.Replace(ThirdPosting.Duration, "Interns commit to a 10 week summer internship with the group.");

        var result = await Host.Get<PostingUploads>().UploadAsync(
            new PostingUpload(ThirdPosting.FileName, System.Text.Encoding.UTF8.GetBytes(changed)), "ana", default);

        var duration = (await Host.Get<IDraftAnswerStore>().ListAsync(ThirdPosting.Id, default)).Single(d => d.Intent == "duration");
        Assert.Equal("Interns commit to a 10 week summer internship with the group.", duration.Text);
        Assert.All(duration.SourceIds, id => Assert.NotNull(result.Posting.FindPassage(id)));
    }

    [Fact]
    public async Task Update_of_an_answered_posting_drops_only_drafts_citing_removed_passages()
    {
        await UploadThirdAsync();
        await Host.Get<DraftReview>().ApproveAsync("proposal", ThirdPosting.Id, null, "ana", default);
        // Now the posting is answered, so an update keeps its drafts, except those citing a removed passage.
        var changed = ThirdPosting.Text.Replace(ThirdPosting.Duration, "Interns commit to a 10 week summer internship with the group.");
        await Host.Get<PostingUploads>().UploadAsync(new PostingUpload(ThirdPosting.FileName, System.Text.Encoding.UTF8.GetBytes(changed)), "ana", default);

        var drafts = await Host.Get<IDraftAnswerStore>().ListAsync(ThirdPosting.Id, default);
        var decision = await Host.Get<DraftReview>().ApproveAsync("duration", ThirdPosting.Id, null, "ana", default);

        Assert.DoesNotContain(drafts, d => d.Intent == "duration");
        Assert.Contains(drafts, d => d.Intent == "remote_work");
        Assert.False(decision.Succeeded);
        Assert.Equal(ReplyKind.NotInPosting, Host.Get<AnswerService>().AnswerIntent("duration", Host.Live.FindPosting(ThirdPosting.Id)!).Kind);
    }
}
