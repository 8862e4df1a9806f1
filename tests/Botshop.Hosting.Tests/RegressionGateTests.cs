using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Hosting.Tests.Infrastructure;

namespace Botshop.Hosting.Tests;

/// <summary>The gate on real training: a version that unlearned an intent is kept out, one that learned it goes in.</summary>
public sealed class RegressionGateTests : ProcessTests
{
    private const string Dropped = "remote_work";

    [Fact]
    public async Task A_candidate_that_lost_an_intents_examples_is_rejected_and_the_active_version_keeps_serving()
    {
        await Process.Get<IKnowledgeStore>().ImportAsync(RealData.Small(), default);
        var first = await Process.RetrainAsync();
        await Process.Get<IKnowledgeStore>().ImportAsync(RealData.Small(withoutExamplesOf: Dropped), default);

        var second = await Process.RetrainAsync();

        Assert.Equal((TrainingJobStatus.Promoted, TrainingJobStatus.Rejected), (first.Status, second.Status));
        var candidate = await Process.VersionAsync(second.ModelVersionId!.Value);
        Assert.Equal((ModelStatus.Rejected, false), (candidate.Status, candidate.IsActive));
        var gate = candidate.Gate!;
        Assert.Equal(GateVerdict.Rejected, gate.Verdict);
        Assert.Equal(first.ModelVersionId, gate.Active!.VersionId);
        // The held-out questions about the dropped intent are what it now gets wrong.
        Assert.True(gate.Candidate.Regression.HeldOutCorrect < gate.Active.Regression.HeldOutCorrect, gate.Reason);
        Assert.Contains(gate.Comparisons, c => c.Metric == RegressionGate.RegressionAccuracy && c.Regressed);
        Assert.Contains(RegressionGate.RegressionAccuracy, gate.Reason);
        Assert.DoesNotContain(Dropped, gate.ComparedIntents);

        Assert.Equal(first.ModelVersionId, (await Process.Get<IModelStore>().GetActiveAsync(default))?.Version.Id);
        Assert.Equal(first.ModelVersionId.ToString(), Process.Get<LiveModel>().Current?.Version);
        var audit = await Process.Get<IAuditLog>().RecentAsync(1, $"model/{candidate.Id}", default);
        Assert.Equal(("system", "model.reject"), (audit[0].Actor, audit[0].Action));
    }

    [Fact]
    public async Task A_candidate_that_learned_an_intent_is_promoted_and_served_at_once()
    {
        await Process.Get<IKnowledgeStore>().ImportAsync(RealData.Small(withoutExamplesOf: Dropped), default);
        var first = await Process.RetrainAsync();
        await Process.Get<IKnowledgeStore>().ImportAsync(RealData.Small(), default);

        var second = await Process.RetrainAsync();

        var promoted = await Process.VersionAsync(second.ModelVersionId!.Value);
        Assert.True(second.Status == TrainingJobStatus.Promoted, promoted.Gate?.Reason);
        Assert.Equal((ModelStatus.Promoted, true), (promoted.Status, promoted.IsActive));
        var gate = promoted.Gate!;
        Assert.Equal(GateVerdict.Promoted, gate.Verdict);
        Assert.True(gate.Candidate.Regression.HeldOutCorrect > gate.Active!.Regression.HeldOutCorrect, gate.Reason);
        Assert.DoesNotContain(gate.Comparisons, c => c.Regressed);
        Assert.Equal(promoted.Id.ToString(), Process.Get<LiveModel>().Current?.Version);
        Assert.Equal(ModelStatus.Promoted, (await Process.VersionAsync(first.ModelVersionId!.Value)).Status);
    }

    [Fact]
    public async Task The_first_model_is_promoted_without_comparison()
    {
        await Process.Get<IKnowledgeStore>().ImportAsync(RealData.Small(), default);

        var job = await Process.RetrainAsync();

        var version = await Process.VersionAsync(job.ModelVersionId!.Value);
        Assert.Equal((GateVerdict.Promoted, (GateScores?)null), (version.Gate!.Verdict, version.Gate.Active));
        Assert.Empty(version.Gate.Comparisons);
        // Scored all the same: the held-out questions of the six intents and out_of_scope, none skipped as trained.
        var set = version.Gate.RegressionSet;
        Assert.True(set.HeldOut > 20 && set.HeldOutSkipped > 0, $"{set}");
        Assert.Equal(set.HeldOut, version.Gate.Candidate.Regression.HeldOutTotal);
    }
}
