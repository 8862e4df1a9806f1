namespace Botshop.Core.Models;

/// <summary>A trained classifier as stored: enough to reload exactly the same model in any process.</summary>
public sealed record ModelVersion(
    long Id,
    DateTimeOffset CreatedAt,
    string Trainer,
    float Threshold,
    float AmbiguityMargin,
    string DataHash,
    EvaluationReport Report,
    bool IsActive);

/// <summary>Stored model versions; exactly one is active at a time.</summary>
public interface IModelStore
{
    /// <summary>Stores a version and, when <paramref name="activate"/> is set, makes it the only active one.</summary>
    Task<long> SaveAsync(ModelVersion version, byte[] modelBytes, bool activate, CancellationToken ct);

    Task<(ModelVersion Version, byte[] ModelBytes)?> GetActiveAsync(CancellationToken ct);

    Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken ct);

    Task ActivateAsync(long id, CancellationToken ct);
}
