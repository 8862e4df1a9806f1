using Botshop.Core.Answering;
using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Ml;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Models;

/// <summary>Scores a candidate and the active version on the same regression set and applies <see cref="RegressionGate"/>.</summary>
public sealed class ModelGate(IModelStore models, RegressionSetBuilder regressionSets, IOptions<ModelsOptions> options)
{
    public async Task<GateReport> JudgeAsync(
        long candidateId, EvaluationReport candidateReport, IIntentClassifier candidate, DecisionPolicy policy,
        KnowledgeBase knowledge, CancellationToken ct)
    {
        var set = await regressionSets.BuildAsync(knowledge, ct);
        var candidateScore = set.Score(candidate, policy);
        var active = await models.GetActiveAsync(ct);
        if (active is null)
            return RegressionGate.Decide(candidateId, candidateReport, candidateScore, null, set.Info, options.Value.RegressionTolerance);
        var (version, bytes) = active.Value;

        // The active version is loaded from its stored bytes, as any replica would serve it.
        var activeScore = set.Score(IntentModel.Load(bytes), new DecisionPolicy(version.Threshold, version.AmbiguityMargin));
        return RegressionGate.Decide(candidateId, candidateReport, candidateScore,
            (version.Id, version.Report, activeScore), set.Info, options.Value.RegressionTolerance);
    }
}
