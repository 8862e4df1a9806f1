using Dapper;

namespace Botshop.Storage;

/// <summary>What a replica compares with what it serves: the active model version and the knowledge version.</summary>
public sealed record StoreStamp(long? ActiveModelId, long KnowledgeVersion);

/// <summary>Reads the <see cref="StoreStamp"/> in one small query, cheap enough to run every few seconds per replica.</summary>
public sealed class StoreStamps(BotshopDatabase db)
{
    public async Task<StoreStamp> ReadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition("""
            SELECT (SELECT id FROM model_versions WHERE is_active) AS ActiveModelId,
                   (SELECT value FROM change_counters WHERE name = 'knowledge') AS KnowledgeVersion
            """, cancellationToken: ct));
        return new StoreStamp(row.ActiveModelId, row.KnowledgeVersion ?? 0);
    }

    private sealed class Row
    {
        public long? ActiveModelId { get; init; }
        public long? KnowledgeVersion { get; init; }
    }
}
