using Botshop.Core.Knowledge.Editing;
using Dapper;

namespace Botshop.Storage;

/// <summary>
/// Adds example questions inside a caller's transaction, which must hold <see cref="StoreLock.KnowledgeEdits"/>: the
/// plan is made against every stored example and applied before anyone else can add one, so one question never ends
/// up training two intents however many recruiters teach at once.
/// </summary>
internal static class ExampleWriter
{
    public static async Task<IReadOnlyList<ExampleDecision>> PlanAsync(
        StoreTransaction tx, string intent, IEnumerable<ExampleCandidate> candidates, bool moveConflicting, CancellationToken ct)
    {
        var existing = await tx.Connection.QueryAsync<ExampleRow>(new CommandDefinition(
            "SELECT intent_name AS Intent, position, text FROM examples ORDER BY intent_name, position",
            transaction: tx.Transaction, cancellationToken: ct));
        return ExamplePlanner.Plan(intent, existing.Select(e => new StoredExample(e.Intent, e.Position, e.Text)), candidates, moveConflicting);
    }

    /// <summary>Applies the adds and moves of a plan: moved examples leave their intent, new ones go to the end of this one's list.</summary>
    public static async Task ApplyAsync(
        StoreTransaction tx, string intent, IEnumerable<ExampleDecision> decisions, string addedBy, DateTimeOffset at, CancellationToken ct)
    {
        var applied = decisions.Where(d => d.Outcome is ExampleOutcome.Add or ExampleOutcome.Move).ToList();
        if (applied.Count == 0) return;
        await tx.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM examples WHERE intent_name = @Intent AND position = @Position",
            applied.Where(d => d.Outcome == ExampleOutcome.Move).Select(d => new { d.Existing!.Intent, d.Existing.Position }),
            tx.Transaction, cancellationToken: ct));
        var next = await tx.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM examples WHERE intent_name = @intent",
            new { intent }, tx.Transaction, cancellationToken: ct));
        await tx.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO examples (intent_name, position, text, source_message_id, added_by, added_at)
            VALUES (@Intent, @Position, @Text, @SourceMessageId, @AddedBy, @AddedAt)
            """,
            applied.Select((d, i) => new
            {
                Intent = intent,
                Position = (int)(next + i),
                Text = d.Candidate.Text.Trim(),
                d.Candidate.SourceMessageId,
                AddedBy = addedBy,
                AddedAt = StorageJson.ToUnixMs(at),
            }),
            tx.Transaction, cancellationToken: ct));
    }

    public static Task<bool> IntentExistsAsync(StoreTransaction tx, string intent, CancellationToken ct) =>
        tx.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM intents WHERE name = @intent)", new { intent }, tx.Transaction, cancellationToken: ct));

    private sealed class ExampleRow
    {
        public string Intent { get; init; } = "";
        public int Position { get; init; }
        public string Text { get; init; } = "";
    }
}
