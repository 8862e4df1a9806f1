using Botshop.Core.Answering;
using Botshop.Core.Knowledge;
using Botshop.Core.Postings;

namespace Botshop.Hosting.Postings;

/// <summary>What the postings pages show: per posting its passages, answers, stale answers and drafts.</summary>
public sealed class PostingWorkspace(IPostingStore postings, IDraftAnswerStore drafts, LiveKnowledge live)
{
    public async Task<IReadOnlyList<PostingSummary>> ListAsync(CancellationToken ct)
    {
        var knowledge = live.Required;
        var records = (await postings.ListAsync(ct)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var draftCounts = (await drafts.ListAsync(null, ct)).CountBy(d => d.PostingId).ToDictionary(StringComparer.Ordinal);
        var staleCounts = (await StaleAsync(knowledge, null, ct)).CountBy(s => s.PostingId).ToDictionary(StringComparer.Ordinal);
        return knowledge.Postings.Select(p => new PostingSummary(
            p.Id, p.Title, p.Locations, p.Passages.Count,
            AnsweredIntents: knowledge.Intents.Count(i => i.Answers.ContainsKey(p.Id)),
            StaleAnswers: staleCounts.GetValueOrDefault(p.Id),
            Drafts: draftCounts.GetValueOrDefault(p.Id),
            records.GetValueOrDefault(p.Id)?.SourceName,
            records.GetValueOrDefault(p.Id)?.UpdatedAt)).ToList();
    }

    /// <summary>One posting in full, or null when there is no such posting.</summary>
    public async Task<PostingDetail?> GetAsync(string postingId, CancellationToken ct)
    {
        var knowledge = live.Required;
        var posting = knowledge.FindPosting(postingId);
        if (posting is null) return null;
        var stale = await StaleAsync(knowledge, postingId, ct);
        var staleIntents = stale.Select(s => s.Intent).ToHashSet(StringComparer.Ordinal);
        var answers = knowledge.Intents
            .Where(i => i.Answers.ContainsKey(posting.Id) && !staleIntents.Contains(i.Name))
            .Select(i => new LiveAnswer(i.Name, i.Topic, i.Answers[posting.Id].Text, i.Answers[posting.Id].SourceIds))
            .ToList();
        var draftViews = (await drafts.ListAsync(postingId, ct))
            .Select(d => new DraftView(d, knowledge.FindIntent(d.Intent)?.Topic ?? d.Intent,
                d.SourceIds.Select(id => posting.FindPassage(id)).ToList()))
            .ToList();
        var record = (await postings.ListAsync(ct)).FirstOrDefault(r => r.Id == postingId);
        return new PostingDetail(posting, record?.SourceName, record?.UpdatedAt, answers, stale, draftViews);
    }

    /// <summary>Stale answers with suggestions, for every posting or one.</summary>
    public Task<IReadOnlyList<StaleAnswer>> StaleAnswersAsync(string? postingId, CancellationToken ct) => StaleAsync(live.Required, postingId, ct);

    private async Task<IReadOnlyList<StaleAnswer>> StaleAsync(KnowledgeBase knowledge, string? postingId, CancellationToken ct) =>
        StaleCitations.Find(knowledge, postingId, await postings.FormerPassagesAsync(postingId, ct));
}

public sealed record PostingSummary(
    string Id, string Title, IReadOnlyList<string> Locations, int Passages, int AnsweredIntents, int StaleAnswers, int Drafts,
    string? SourceName, DateTimeOffset? UpdatedAt);

public sealed record PostingDetail(
    Posting Posting, string? SourceName, DateTimeOffset? UpdatedAt,
    IReadOnlyList<LiveAnswer> Answers, IReadOnlyList<StaleAnswer> StaleAnswers, IReadOnlyList<DraftView> Drafts);

/// <summary>An answer served for the posting (its citations hold).</summary>
public sealed record LiveAnswer(string Intent, string Topic, string Text, IReadOnlyList<string> SourceIds);

/// <summary>A draft with its intent's topic and the passages it cites (null where the posting no longer has one).</summary>
public sealed record DraftView(StoredDraft Draft, string Topic, IReadOnlyList<Passage?> Sources);
