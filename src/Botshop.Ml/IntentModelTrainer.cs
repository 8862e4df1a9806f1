using Botshop.Core.Answering;
using Botshop.Core.Knowledge;
using Botshop.Core.Models;

namespace Botshop.Ml;

/// <summary>
/// Cross-validates the candidate trainers on the same stratified folds, keeps the better one, tunes the decision
/// policy on its out-of-fold predictions and (for <see cref="Train"/>) fits the final model on all examples.
/// </summary>
public sealed class IntentModelTrainer
{
    public TrainingResult Train(IReadOnlyList<LabeledQuestion> examples, TrainingOptions options, IProgress<TrainingProgress>? progress = null)
    {
        var (report, trainer, policy) = CrossValidate(examples, options, progress, extraSteps: 1);
        var total = TotalSteps(options, extraSteps: 1);
        progress?.Report(new TrainingProgress($"Training {trainer} on all examples", total - 1, total));

        var model = CrossValidator.Fit(examples, trainer, options.Seed, out var ml, out var inputSchema);
        var bytes = IntentModel.Save(ml, model, inputSchema);
        progress?.Report(new TrainingProgress("Done", total, total));
        return new TrainingResult(bytes, trainer, policy, report, TrainingDataHash.Compute(examples));
    }

    /// <summary>Cross-validation only: the report a <see cref="Train"/> with the same options would produce.</summary>
    public EvaluationReport Evaluate(IReadOnlyList<LabeledQuestion> examples, TrainingOptions options, IProgress<TrainingProgress>? progress = null)
    {
        var (report, _, _) = CrossValidate(examples, options, progress, extraSteps: 0);
        var total = TotalSteps(options, extraSteps: 0);
        progress?.Report(new TrainingProgress("Done", total, total));
        return report;
    }

    private static (EvaluationReport Report, string Trainer, DecisionPolicy Policy) CrossValidate(
        IReadOnlyList<LabeledQuestion> examples, TrainingOptions options, IProgress<TrainingProgress>? progress, int extraSteps)
    {
        TrainingInputValidator.Validate(examples, options);
        var folds = FoldAssignment.Assign(examples, options.Folds, options.Seed);
        var truth = examples.Select(e => e.Intent).ToArray();
        var total = TotalSteps(options, extraSteps);
        var step = 0;

        var candidates = new List<(OutOfFold Oof, DecisionPolicy Policy, DecisionOutcomes Outcome)>();
        foreach (var trainer in options.TrainersToCompare)
        {
            var oof = CrossValidator.Run(examples, folds, options.Folds, trainer, options.Seed,
                fold => progress?.Report(new TrainingProgress($"Cross-validating {trainer}, fold {fold + 1}/{options.Folds}", ++step, total)));
            var policy = PolicyTuner.Tune(oof.Predictions, truth, options.TargetOutOfScopeRecall);
            candidates.Add((oof, policy, DecisionOutcomes.Count(policy, oof.Predictions, truth)));
        }

        var comparison = candidates.Select(c => ReportBuilder.Score(c.Oof, truth, c.Policy)).ToList();
        var best = ChooseBest(candidates, options.TargetOutOfScopeRecall);
        var report = ReportBuilder.Build(best.Oof, truth, options.Folds, best.Policy, comparison);
        return (report, best.Oof.Trainer, best.Policy);
    }

    /// <summary>Reaching the out-of-scope target first, then most questions answered correctly, then fewest wrong
    /// answers; a full tie keeps the trainer listed first.</summary>
    private static (OutOfFold Oof, DecisionPolicy Policy, DecisionOutcomes Outcome) ChooseBest(
        List<(OutOfFold Oof, DecisionPolicy Policy, DecisionOutcomes Outcome)> candidates, double target) =>
        candidates
            .OrderByDescending(c => c.Outcome.OutOfScopeRecall >= target)
            .ThenByDescending(c => c.Outcome.AnsweredCorrect)
            .ThenBy(c => c.Outcome.AnsweredWrong)
            .First();

    private static int TotalSteps(TrainingOptions options, int extraSteps) =>
        options.TrainersToCompare.Count * options.Folds + extraSteps;
}
