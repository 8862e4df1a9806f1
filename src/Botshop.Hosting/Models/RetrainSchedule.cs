using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Ml;

namespace Botshop.Hosting.Models;

/// <summary>
/// The optional schedule (Models:RetrainEvery): a retrain is queued when the live training data (labels included)
/// differs from what both the newest and the active version were trained on, compared by data hash. A rejected
/// candidate of the same data is not retried; a label added while a job trains is picked up on the next check.
/// </summary>
public sealed class RetrainSchedule(IKnowledgeStore knowledge, IModelStore models, TrainingRequests requests)
{
    public const string Actor = "system";

    /// <summary>The job it queued, or null when nothing changed, no model exists yet, or a job is already waiting.</summary>
    public async Task<TrainingJob?> CheckAsync(CancellationToken ct)
    {
        var versions = await models.ListAsync(ct);
        // No version yet: the first model is trained at start-up, not by the schedule.
        if (versions.Count == 0) return null;
        var hash = TrainingDataHash.Compute((await knowledge.LoadAsync(ct)).TrainingExamples());
        if (versions[0].DataHash == hash || versions.Any(v => v.IsActive && v.DataHash == hash)) return null;
        var (job, created) = await requests.RequestAsync(Actor, ct);
        return created ? job : null;
    }
}
