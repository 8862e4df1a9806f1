using Botshop.Core.Models;
using Dapper;

namespace Botshop.Storage;

/// <summary>Trained model versions with their bytes, evaluation and gate verdict; exactly one is active.</summary>
public sealed class ModelVersionStore(BotshopDatabase db, TimeProvider? time = null) : IModelStore
{
    private const string Columns = """
        id, created_at AS CreatedAt, trainer, threshold, ambiguity_margin AS AmbiguityMargin,
        data_hash AS DataHash, report, is_active AS IsActive, status, gate_report AS GateReport,
        created_by AS CreatedBy, activated_at AS ActivatedAt
        """;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// The version's Id and IsActive are ignored: the store assigns the id, <paramref name="activate"/> decides. An
    /// activated version is stored as promoted, whatever its status said.
    /// </summary>
    public async Task<long> SaveAsync(ModelVersion version, byte[] modelBytes, bool activate, CancellationToken ct)
    {
        await using var tx = activate
            ? await db.BeginExclusiveAsync(StoreLock.ModelActivation, ct)
            : await db.BeginWriteAsync(ct);
        if (activate) await DeactivateAllAsync(tx, ct);
        var id = await tx.Connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO model_versions
                (created_at, trainer, threshold, ambiguity_margin, data_hash, report, model_bytes, is_active,
                 status, gate_report, created_by, activated_at)
            VALUES (@CreatedAt, @Trainer, @Threshold, @AmbiguityMargin, @DataHash, @Report, @ModelBytes, @IsActive,
                    @Status, @GateReport, @CreatedBy, @ActivatedAt)
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
                Status = StatusText(activate ? ModelStatus.Promoted : version.Status),
                GateReport = version.Gate is null ? null : StorageJson.Write(version.Gate),
                version.CreatedBy,
                ActivatedAt = activate ? StorageJson.ToUnixMs(_time.GetUtcNow()) : (long?)null,
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

    public async Task<(ModelVersion Version, byte[] ModelBytes)?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns}, model_bytes AS ModelBytes FROM model_versions WHERE id = @id", new { id }, cancellationToken: ct));
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

    /// <summary>
    /// Makes <paramref name="id"/> the only active version, promoted and stamped with the activation time; an unknown
    /// id changes nothing and throws.
    /// </summary>
    public async Task ActivateAsync(long id, CancellationToken ct)
    {
        await using var tx = await db.BeginExclusiveAsync(StoreLock.ModelActivation, ct);
        await DeactivateAllAsync(tx, ct);
        var updated = await tx.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE model_versions SET is_active = TRUE, status = @Promoted, activated_at = @Now WHERE id = @id
            """,
            new { id, Promoted = StatusText(ModelStatus.Promoted), Now = StorageJson.ToUnixMs(_time.GetUtcNow()) },
            tx.Transaction, cancellationToken: ct));
        if (updated == 0) throw new KeyNotFoundException($"Model version {id} does not exist.");
        await StoreChangeFeed.AnnounceAsync(db, tx, StoreChange.Model, ct);
        await tx.CommitAsync(ct);
    }

    public async Task SetGateAsync(long id, ModelStatus status, GateReport report, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var updated = await tx.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE model_versions SET status = @Status, gate_report = @Gate WHERE id = @id",
            new { id, Status = StatusText(status), Gate = StorageJson.Write(report) }, tx.Transaction, cancellationToken: ct));
        if (updated == 0) throw new KeyNotFoundException($"Model version {id} does not exist.");
        await tx.CommitAsync(ct);
    }

    public async Task<ModelVersion?> PreviousActiveAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} FROM model_versions
            WHERE NOT is_active AND activated_at IS NOT NULL
            ORDER BY activated_at DESC, id DESC
            LIMIT 1
            """, cancellationToken: ct));
        return row?.ToVersion();
    }

    // Deactivate before activating: the one-active unique index is checked per statement. Callers hold the
    // activation lock: under READ COMMITTED two switches would each miss the other's newly active row.
    private static Task DeactivateAllAsync(StoreTransaction tx, CancellationToken ct) =>
        tx.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE model_versions SET is_active = FALSE WHERE is_active", transaction: tx.Transaction, cancellationToken: ct));

    private static string StatusText(ModelStatus status) => status.ToString().ToLowerInvariant();

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
        public string Status { get; init; } = "promoted";
        public string? GateReport { get; init; }
        public string? CreatedBy { get; init; }
        public long? ActivatedAt { get; init; }
        public byte[]? ModelBytes { get; init; }

        public ModelVersion ToVersion() => new(
            Id, StorageJson.FromUnixMs(CreatedAt), Trainer, (float)Threshold, (float)AmbiguityMargin, DataHash,
            StorageJson.Read<EvaluationReport>(Report), IsActive,
            Enum.Parse<ModelStatus>(Status, ignoreCase: true),
            CreatedBy,
            GateReport is null ? null : StorageJson.Read<GateReport>(GateReport),
            ActivatedAt is null ? null : StorageJson.FromUnixMs(ActivatedAt.Value));
    }
}
