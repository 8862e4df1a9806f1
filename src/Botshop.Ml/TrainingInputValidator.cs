using Botshop.Core.Knowledge;

namespace Botshop.Ml;

/// <summary>Refuses training input that would give a meaningless model or report, with a message a CLI can show.</summary>
internal static class TrainingInputValidator
{
    public static void Validate(IReadOnlyList<LabeledQuestion> examples, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Folds < 2)
            throw new ArgumentException($"Cross-validation needs at least 2 folds, got {options.Folds}.", nameof(options));
        var unknown = options.TrainersToCompare.Except(IntentTrainers.All).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown trainer(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", IntentTrainers.All)}.", nameof(options));
        if (examples.Any(e => string.IsNullOrWhiteSpace(e.Intent) || string.IsNullOrWhiteSpace(e.Text)))
            throw new ArgumentException("Every example needs an intent and a non-empty text.", nameof(examples));

        var counts = examples.GroupBy(e => e.Intent).ToDictionary(g => g.Key, g => g.Count());
        if (!counts.ContainsKey(Intent.OutOfScope))
            throw new ArgumentException($"The examples need some '{Intent.OutOfScope}' questions to tune when to decline.", nameof(examples));
        if (counts.Count < 3)
            throw new ArgumentException("The examples need at least two in-scope intents besides out_of_scope.", nameof(examples));
        var tooFew = counts.Where(c => c.Value < options.Folds).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        if (tooFew.Count > 0)
            throw new ArgumentException($"Each intent needs at least {options.Folds} examples (one per fold); too few: {string.Join(", ", tooFew)}.", nameof(examples));
    }
}
