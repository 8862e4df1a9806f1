using Botshop.Core.Knowledge;
using Dapper;

namespace Botshop.Storage;

/// <summary>
/// The examples recruiters taught from logged questions (examples.source_message_id set): with their intent they are
/// part of every regression set, so a new model version may not unlearn what a recruiter taught.
/// </summary>
public sealed class LabelledQuestionStore(BotshopDatabase db)
{
    public async Task<IReadOnlyList<LabeledQuestion>> LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Text, string Intent)>(new CommandDefinition("""
            SELECT text, intent_name FROM examples
            WHERE source_message_id IS NOT NULL
            ORDER BY intent_name, position
            """, cancellationToken: ct));
        return rows.Select(r => new LabeledQuestion(r.Text, r.Intent)).ToList();
    }
}
