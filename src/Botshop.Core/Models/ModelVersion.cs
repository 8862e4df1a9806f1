namespace Botshop.Core.Models;

/// <summary>A trained classifier as stored: enough to reload exactly the same model in any process.</summary>
/// <param name="Status">Where the version stands with the regression gate; an active version is always promoted.</param>
/// <param name="CreatedBy">Who asked for the training: a recruiter's user name, "cli" or "system".</param>
/// <param name="Gate">Why the gate promoted or rejected it; null for versions trained before the gate existed.</param>
/// <param name="ActivatedAt">When it last became the active version; null if it never served.</param>
public sealed record ModelVersion(
    long Id,
    DateTimeOffset CreatedAt,
    string Trainer,
    float Threshold,
    float AmbiguityMargin,
    string DataHash,
    EvaluationReport Report,
    bool IsActive,
    ModelStatus Status = ModelStatus.Promoted,
    string? CreatedBy = null,
    GateReport? Gate = null,
    DateTimeOffset? ActivatedAt = null);

/// <summary>A version is a candidate until the gate decides; promoted versions may serve, rejected ones only by override.</summary>
public enum ModelStatus
{
    Candidate,
    Promoted,
    Rejected,
}

/// <summary>Stored model versions; exactly one is active at a time.</summary>
public interface IModelStore
{
    /// <summary>Stores a version and, when <paramref name="activate"/> is set, makes it the only active one.</summary>
    Task<long> SaveAsync(ModelVersion version, byte[] modelBytes, bool activate, CancellationToken ct);

    Task<(ModelVersion Version, byte[] ModelBytes)?> GetActiveAsync(CancellationToken ct);

    Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken ct);

    /// <summary>Makes <paramref name="id"/> the only active version and marks it promoted.</summary>
    Task ActivateAsync(long id, CancellationToken ct);

    /// <summary>One version with its bytes; null when the id is unknown.</summary>
    Task<(ModelVersion Version, byte[] ModelBytes)?> GetAsync(long id, CancellationToken ct);

    /// <summary>Records the gate's verdict on a version that is not active.</summary>
    Task SetGateAsync(long id, ModelStatus status, GateReport report, CancellationToken ct);

    /// <summary>The version that was active before the current one (most recently activated, not active now).</summary>
    Task<ModelVersion?> PreviousActiveAsync(CancellationToken ct);
}
