using Botshop.Hosting.Privacy;

namespace Botshop.Cli.Output;

/// <summary>
/// The shape `botshop export-user` prints. Reply addresses are decrypted: the export is the candidate's own data, and
/// the ciphertext would show them nothing; what it holds (their platform id for an /ask reply, the Teams
/// conversation) is what they are entitled to see, and whoever can run this already holds the key.
/// </summary>
public static class CandidateExportJson
{
    public const string ReplyRefNote =
        "replyRef is the stored reply address, decrypted (it is kept encrypted in the store and deleted with its row).";

    public static object From(CandidateExport export) => new
    {
        userRef = export.UserRef,
        note = ReplyRefNote,
        conversations = export.Conversations.Select(c => new
        {
            c.Stored.Id, c.Stored.Channel, c.Stored.ExternalId, c.Stored.StartedByCandidate, c.Stored.PostingId,
            c.Stored.CreatedAt, c.Stored.LastActivityAt, replyRef = c.ReplyRef?.Value, replyRefError = c.ReplyRef?.Error,
        }),
        messages = export.Messages.Select(m => new
        {
            m.Stored.Id, m.Stored.ConversationId, m.Stored.Channel, m.Stored.ExternalId, m.Stored.Question, m.Stored.PostingId,
            m.Stored.Intent, m.Stored.Confidence, m.Stored.Answered, m.Stored.ReplyKind, m.Stored.AnswerText,
            m.Stored.ReceivedAt, m.Stored.RepliedAt, m.Stored.DeliveryStatus, m.Stored.ReviewStatus,
            replyRef = m.ReplyRef?.Value, replyRefError = m.ReplyRef?.Error,
        }),
        feedback = export.Feedback,
        recruiterReplies = export.RecruiterReplies,
        trainingExamples = export.TrainingExamples,
    };
}
