using Botshop.Core.Knowledge;
using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Postings;
using Botshop.Knowledge.Faq;

namespace Botshop.Hosting.Postings;

/// <summary>A recruiter's decision on a draft answer: approve it (optionally edited) so it is served, or discard it.</summary>
public sealed class DraftReview(IDraftAnswerStore drafts, KnowledgeRefresher refresh, LiveKnowledge live, IAuditLog audit)
{
    public static string Subject(string intent, string postingId) => $"{intent}/{postingId}";

    /// <param name="editedText">The recruiter's wording; null keeps the draft's.</param>
    public async Task<DraftDecision> ApproveAsync(string intent, string postingId, string? editedText, string actor, CancellationToken ct)
    {
        var draft = (await drafts.ListAsync(postingId, ct)).FirstOrDefault(d => d.Intent == intent);
        if (draft is null) return DraftDecision.Refused($"There is no draft for '{intent}' on posting '{postingId}' (approved or discarded already?).");
        var text = (editedText ?? draft.Text).Trim();
        if (text.Length == 0) return DraftDecision.Refused("The answer is empty.");
        if (text.Length > FaqValidator.MaxAnswerLength)
            return DraftDecision.Refused($"The answer is {text.Length} characters; keep it under {FaqValidator.MaxAnswerLength}.");
        // The draft quotes passages; if an update removed one meanwhile, approving would serve a stale citation.
        var posting = live.Required.FindPosting(postingId);
        var missing = draft.SourceIds.Where(id => posting?.FindPassage(id) is null).ToList();
        if (missing.Count > 0)
            return DraftDecision.Refused($"The posting no longer has the passage(s) this draft cites ({string.Join(", ", missing)}): discard it.");

        if (!await drafts.ApproveAsync(intent, postingId, text, actor, ct))
            return DraftDecision.Refused($"There is no draft for '{intent}' on posting '{postingId}' (approved or discarded already?).");
        await refresh.RefreshAsync(ct);
        await audit.RecordAsync(actor, "answer.approve", Subject(intent, postingId),
            new { drafted = draft.Text, approved = text, edited = text != draft.Text, sources = draft.SourceIds }, ct);
        return DraftDecision.Done;
    }

    public async Task<DraftDecision> DiscardAsync(string intent, string postingId, string actor, CancellationToken ct)
    {
        var draft = (await drafts.ListAsync(postingId, ct)).FirstOrDefault(d => d.Intent == intent);
        if (draft is null || !await drafts.DiscardAsync(intent, postingId, ct))
            return DraftDecision.Refused($"There is no draft for '{intent}' on posting '{postingId}' (approved or discarded already?).");
        await audit.RecordAsync(actor, "answer.draft.discard", Subject(intent, postingId), new { drafted = draft.Text, sources = draft.SourceIds }, ct);
        return DraftDecision.Done;
    }
}

/// <summary>The outcome of a decision on a draft: done, or refused with the reason to show.</summary>
public sealed record DraftDecision(bool Succeeded, string? Error)
{
    public static readonly DraftDecision Done = new(true, null);

    public static DraftDecision Refused(string reason) => new(false, reason);
}
