using Botshop.Core.Answering;
using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Ml;

namespace Botshop.Hosting;

/// <summary>Trains, stores and serves model versions: what `botshop train` and the server's first start share.</summary>
public sealed class ModelService(IModelStore models, LiveModel live, TimeProvider time)
{
    private readonly IntentModelTrainer _trainer = new();

    /// <summary>Trains on the knowledge's examples, stores the version as the active one and serves it at once.</summary>
    public async Task<ModelVersion> TrainAndActivateAsync(
        KnowledgeBase knowledge, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        var result = _trainer.Train(knowledge.TrainingExamples().ToList(), options, progress);
        var version = new ModelVersion(0, time.GetUtcNow(), result.Trainer, result.Policy.Threshold,
            result.Policy.AmbiguityMargin, result.DataHash, result.Report, IsActive: true);
        var id = await models.SaveAsync(version, result.ModelBytes, activate: true, ct);
        live.Set(new ActiveModel(id.ToString(), IntentModel.Load(result.ModelBytes), result.Policy));
        return version with { Id = id };
    }

    /// <summary>Cross-validation only: the report `botshop eval` prints, nothing stored.</summary>
    public EvaluationReport Evaluate(KnowledgeBase knowledge, TrainingOptions options, IProgress<TrainingProgress>? progress) =>
        _trainer.Evaluate(knowledge.TrainingExamples().ToList(), options, progress);

    /// <summary>Serves the stored active version. False when none is stored yet.</summary>
    public async Task<bool> LoadActiveAsync(CancellationToken ct)
    {
        var active = await models.GetActiveAsync(ct);
        if (active is null) return false;
        var (version, bytes) = active.Value;
        live.Set(new ActiveModel(version.Id.ToString(), IntentModel.Load(bytes),
            new DecisionPolicy(version.Threshold, version.AmbiguityMargin)));
        return true;
    }
}
