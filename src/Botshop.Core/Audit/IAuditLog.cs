namespace Botshop.Core.Audit;

/// <summary>Who changed what and when: every recruiter action on knowledge, models, the inbox and candidates' data.</summary>
public interface IAuditLog
{
    /// <param name="actor">A recruiter's user name, "cli" or "system"; never a candidate's identity.</param>
    /// <param name="action">Dotted verb, e.g. "answer.update", "example.add", "model.promote".</param>
    /// <param name="subject">What was acted on, e.g. an intent name, "intent/posting" or a model version id.</param>
    /// <param name="detail">Serialised as JSON: parameters or before/after values.</param>
    Task RecordAsync(string actor, string action, string subject, object? detail, CancellationToken ct);

    Task<IReadOnlyList<AuditEntry>> RecentAsync(int limit, string? subjectPrefix, CancellationToken ct);
}

public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string? Detail);
