using Botshop.Core.Audit;
using Dapper;

namespace Botshop.Storage;

/// <summary>The audit trail in the audit_log table; append-only.</summary>
public sealed class AuditLog(BotshopDatabase db, TimeProvider time) : IAuditLog
{
    public async Task RecordAsync(string actor, string action, string subject, object? detail, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        await tx.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (@At, @Actor, @Action, @Subject, @Detail)
            """,
            new
            {
                At = StorageJson.ToUnixMs(time.GetUtcNow()),
                Actor = actor,
                Action = action,
                Subject = subject,
                Detail = detail is null ? null : StorageJson.Write(detail),
            },
            tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int limit, string? subjectPrefix, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, at, actor, action, subject, detail FROM audit_log
            WHERE CAST(@Prefix AS TEXT) IS NULL OR substr(subject, 1, length(CAST(@Prefix AS TEXT))) = CAST(@Prefix AS TEXT)
            ORDER BY at DESC, id DESC
            LIMIT @Limit
            """,
            new { Prefix = subjectPrefix, Limit = Math.Clamp(limit, 1, 1000) },
            cancellationToken: ct));
        return rows.Select(r => new AuditEntry(r.Id, StorageJson.FromUnixMs(r.At), r.Actor, r.Action, r.Subject, r.Detail)).ToList();
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public long At { get; init; }
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public string Subject { get; init; } = "";
        public string? Detail { get; init; }
    }
}
