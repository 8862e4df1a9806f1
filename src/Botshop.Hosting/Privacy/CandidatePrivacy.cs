using System.Text.Json;
using Botshop.Core;
using Botshop.Core.Audit;
using Botshop.Core.Privacy;

namespace Botshop.Hosting.Privacy;

/// <summary>
/// Forget-me and export on behalf of an operator or recruiter (CLI, dashboard), audited. Candidates who ask in chat
/// go through ConversationService, which leaves no trace of the request.
/// </summary>
public sealed class CandidatePrivacy(ICandidateRecords records, UserPseudonym pseudonym, ReplyRefProtector refs, IAuditLog audit)
{
    /// <summary>The pseudonymous reference a channel stores for a platform user id (for web: the chat's conversation id).</summary>
    public string UserRefFor(string channel, string platformUserId) => pseudonym.For(channel, platformUserId);

    /// <summary>
    /// Deletes everything stored about the candidate and records who did it. The audit entry names no candidate
    /// (that would be a row about them): only what went and the <paramref name="subject"/> the actor acted on.
    /// </summary>
    public async Task<CandidateErasure> ForgetAsync(string userRef, string actor, string subject, CancellationToken ct)
    {
        var erased = await records.ForgetAsync(userRef, ct);
        await audit.RecordAsync(actor, "candidate.forget", subject, erased, ct);
        return erased;
    }

    /// <summary>Everything stored about the candidate, reply addresses decrypted; the export itself is audited.</summary>
    public async Task<CandidateExport> ExportAsync(string userRef, string actor, CancellationToken ct)
    {
        var set = await records.ExportAsync(userRef, ct);
        await audit.RecordAsync(actor, "candidate.export", "candidate",
            new { conversations = set.Conversations.Count, messages = set.Messages.Count }, ct);
        return new CandidateExport(
            set.UserRef,
            set.Conversations.Select(c => new ExportedConversation(c, Open(c.ReplyRef))).ToList(),
            set.Messages.Select(m => new ExportedMessage(m, Open(m.ReplyRef))).ToList(),
            set.Feedback, set.RecruiterReplies, set.TrainingExamples);
    }

    private ExportedReplyRef? Open(string? ciphertext)
    {
        if (ciphertext is null) return null;
        var plain = refs.TryUnprotect(ciphertext, out var error);
        if (plain is null) return new ExportedReplyRef(null, error);
        using var doc = JsonDocument.Parse(plain);
        return new ExportedReplyRef(doc.RootElement.Clone(), null);
    }
}

/// <summary>What `botshop export-user` prints: the stored rows, with reply addresses decrypted.</summary>
public sealed record CandidateExport(
    string UserRef,
    IReadOnlyList<ExportedConversation> Conversations,
    IReadOnlyList<ExportedMessage> Messages,
    IReadOnlyList<CandidateFeedback> Feedback,
    IReadOnlyList<CandidateRecruiterReply> RecruiterReplies,
    IReadOnlyList<CandidateExample> TrainingExamples);

public sealed record ExportedConversation(CandidateConversation Stored, ExportedReplyRef? ReplyRef);

public sealed record ExportedMessage(CandidateMessage Stored, ExportedReplyRef? ReplyRef);

/// <param name="Value">The decrypted reply address (JSON as the channel wrote it).</param>
/// <param name="Error">Why it could not be decrypted, when it could not.</param>
public sealed record ExportedReplyRef(JsonElement? Value, string? Error);
