using Botshop.Core.Models;
using Dapper;

namespace Botshop.Storage;

/// <summary>Trained model versions with their bytes and evaluation; exactly one is active.</summary>
public sealed class ModelVersionStore(BotshopDatabase db) : IModelStore
{
    private const string Columns = """
        id, created_at AS CreatedAt, trainer, threshold, ambiguity_margin AS AmbiguityMargin,
        data_hash AS DataHash, report, is_active AS IsActive
        """;

    /// <summary>The version's Id and IsActive are ignored: the store assigns the id, <paramref name="activate"/> decides.</summary>
    public async Task<long> SaveAsync(ModelVersion version, byte[] modelBytes, bool activate, CancellationToken ct)
    {
        await using var tx = activate
            ? await db.BeginExclusiveAsync(StoreLock.ModelActivation, ct)
            : await db.BeginWriteAsync(ct);
        if (activate) await DeactivateAllAsync(tx, ct);
        var id = await tx.Connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO model_versions
                (created_at, trainer, threshold, ambiguity_margin, data_hash, report, model_bytes, is_active)
            VALUES (@CreatedAt, @Trainer, @Threshold, @AmbiguityMargin, @DataHash, @Report, @ModelBytes, @IsActive)
            RETURNING id
            """,
            new
            {
                CreatedAt = StorageJson.ToUnixMs(version.CreatedAt),
                version.Trainer,
                Threshold = (double)version.Threshold,
                AmbiguityMargin = (double)version.AmbiguityMargin,
                version.DataHash,
                Report = StorageJson.Write(version.Report),
                ModelBytes = modelBytes,
                IsActive = activate,
            },
            tx.Transaction, cancellationToken: ct));
        if (activate) await StoreChangeFeed.AnnounceAsync(db, tx, StoreChange.Model, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task<(ModelVersion Version, byte[] ModelBytes)?> GetActiveAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns}, model_bytes AS ModelBytes FROM model_versions WHERE is_active", cancellationToken: ct));
        return row is null ? null : (row.ToVersion(), row.ModelBytes!);
    }

    /// <summary>All versions, newest first, without their bytes.</summary>
    public async Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM model_versions ORDER BY id DESC", cancellationToken: ct));
        return rows.Select(r => r.ToVersion()).ToList();
    }

    /// <summary>Makes <paramref name="id"/> the only active version; an unknown id changes nothing and throws.</summary>
    public async Task ActivateAsync(long id, CancellationToken ct)
    {
        await using var tx = await db.BeginExclusiveAsync(StoreLock.ModelActivation, ct);
        await DeactivateAllAsync(tx, ct);
        var updated = await tx.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE model_versions SET is_active = TRUE WHERE id = @id", new { id }, tx.Transaction, cancellationToken: ct));
        if (updated == 0) throw new KeyNotFoundException($"Model version {id} does not exist.");
        await StoreChangeFeed.AnnounceAsync(db, tx, StoreChange.Model, ct);
        await tx.CommitAsync(ct);
    }

    // Deactivate before activating: the one-active unique index is checked per statement. Callers hold the
    // activation lock: under READ COMMITTED two switches would each miss the other's newly active row.
    private static Task DeactivateAllAsync(StoreTransaction tx, CancellationToken ct) =>
        tx.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE model_versions SET is_active = FALSE WHERE is_active", transaction: tx.Transaction, cancellationToken: ct));

    private sealed class Row
    {
        public long Id { get; init; }
        public long CreatedAt { get; init; }
        public string Trainer { get; init; } = "";
        public double Threshold { get; init; }
        public double AmbiguityMargin { get; init; }
        public string DataHash { get; init; } = "";
        public string Report { get; init; } = "";
        public bool IsActive { get; init; }
        public byte[]? ModelBytes { get; init; }

        public ModelVersion ToVersion() => new(
            Id, StorageJson.FromUnixMs(CreatedAt), Trainer, (float)Threshold, (float)AmbiguityMargin, DataHash,
            StorageJson.Read<EvaluationReport>(Report), IsActive);
    }
}
