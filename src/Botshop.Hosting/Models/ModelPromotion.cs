using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Ml;
using Microsoft.Extensions.Logging;

namespace Botshop.Hosting.Models;

/// <summary>
/// Switches the active model version: in the store (exactly one active) and in this process at once. The live model
/// is replaced whole, so a request that already holds the old one finishes with it and the next one gets the new one;
/// nothing is dropped. Other replicas follow the store.
/// </summary>
public sealed partial class ModelPromotion(
    IModelStore models,
    KnowledgeRefresher knowledge,
    LiveModel liveModel,
    IAuditLog audit,
    ILogger<ModelPromotion> logger)
{
    /// <summary>A recruiter's or admin's promotion of any stored version; promoting a rejected one overrides the gate, and the audit says so.</summary>
    public async Task<ModelVersion> PromoteAsync(long id, string actor, CancellationToken ct)
    {
        var version = await RequireAsync(id, ct);
        if (version.IsActive) throw new ModelActionException($"Model version {id} is already active.");
        var active = await models.GetActiveAsync(ct);
        return await ActivateAsync(id, actor, "model.promote",
            new { from = active?.Version.Id, previousStatus = Text(version.Status), overridesGate = version.Status == ModelStatus.Rejected }, ct);
    }

    /// <summary>Back to the version that was active before the current one.</summary>
    public async Task<ModelVersion> RollbackAsync(string actor, CancellationToken ct)
    {
        var previous = await models.PreviousActiveAsync(ct)
            ?? throw new ModelActionException("No earlier active version to roll back to.");
        return await RollbackToAsync(previous.Id, actor, ct);
    }

    /// <summary>Back to an older version that was promoted before (a candidate or rejected one needs a promotion instead).</summary>
    public async Task<ModelVersion> RollbackToAsync(long id, string actor, CancellationToken ct)
    {
        var version = await RequireAsync(id, ct);
        if (version.IsActive) throw new ModelActionException($"Model version {id} is already active.");
        if (version.Status != ModelStatus.Promoted)
            throw new ModelActionException($"Model version {id} was never promoted ({Text(version.Status)}): promote it instead of rolling back to it.");
        var active = await models.GetActiveAsync(ct);
        return await ActivateAsync(id, actor, "model.rollback", new { from = active?.Version.Id, to = id }, ct);
    }

    /// <summary>Makes <paramref name="id"/> active and serves it here; audited as <paramref name="action"/>.</summary>
    internal async Task<ModelVersion> ActivateAsync(long id, string actor, string action, object detail, CancellationToken ct)
    {
        var stored = await models.GetAsync(id, ct) ?? throw new ModelActionException($"Model version {id} does not exist.");
        var (version, bytes) = stored;
        // Loaded before the switch: a version that cannot be loaded never becomes active.
        var classifier = IntentModel.Load(bytes);
        await models.ActivateAsync(id, ct);
        // The knowledge first: every intent the new model predicts must have its answers in service when it starts.
        await knowledge.RefreshAsync(ct);
        liveModel.Set(new ActiveModel(id.ToString(), classifier, new DecisionPolicy(version.Threshold, version.AmbiguityMargin)));
        LogActivated(id, action);
        await audit.RecordAsync(actor, action, Subject(id), detail, ct);
        return version with { IsActive = true, Status = ModelStatus.Promoted };
    }

    public static string Subject(long id) => $"model/{id}";

    private async Task<ModelVersion> RequireAsync(long id, CancellationToken ct) =>
        (await models.GetAsync(id, ct))?.Version ?? throw new ModelActionException($"Model version {id} does not exist.");

    private static string Text(ModelStatus status) => status.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Model version {Version} is now active ({Action})")]
    private partial void LogActivated(long version, string action);
}

/// <summary>A promotion or rollback that cannot be done as asked: shown to the recruiter, not a bug.</summary>
public sealed class ModelActionException(string message) : Exception(message);
