using Botshop.Core.Inbox;
using Botshop.Core.Knowledge.Editing;

namespace Botshop.Server.Pages.Admin.Inbox;

/// <summary>What a decision did, in one sentence or two for the recruiter who took it.</summary>
public static class InboxOutcomeText
{
    public static string Labeled(InboxOutcome outcome, string intent) =>
        Join($"Labeled {Questions(outcome.Taken.Count)} as '{intent}' ({outcome.ExamplesAdded} new example{S(outcome.ExamplesAdded)}; they count from the next retraining).",
            Skipped(outcome));

    public static string Answered(InboxOutcome outcome, string intent, string posting) =>
        Join($"Created '{intent}' with its answer for {posting}; {Questions(outcome.Taken.Count)} became its examples. " +
             "The bot predicts it only after the next retraining: until then these questions are still declined.",
            Skipped(outcome));

    public static string NothingCreated(InboxOutcome outcome) =>
        Join("Nothing was created: none of the ticked questions could be taught to it.", Skipped(outcome));

    public static string Replied(ReplyOutcome outcome) =>
        Join($"Replied to {Questions(outcome.Sent.Count)}.",
            outcome.NotOpen.Count > 0 ? $"{Questions(outcome.NotOpen.Count)} had been reviewed meanwhile and got no reply." : null,
            outcome.Failed.Count > 0
                ? $"Could not reach {outcome.Failed.Count} (back in the inbox): " + string.Join("; ", outcome.Failed.Select(f => $"#{f.MessageId}: {f.Error}"))
                : null);

    public static string Dismissed(InboxOutcome outcome) =>
        Join($"Dismissed {Questions(outcome.Taken.Count)}.", NotOpen(outcome));

    private static string? Skipped(InboxOutcome outcome)
    {
        var refused = outcome.Decisions.Where(d => !outcome.Taken.Contains(d.MessageId)).ToList();
        var conflicts = refused.Where(d => d.Outcome == ExampleOutcome.Conflict)
            .Select(d => $"\"{d.Text}\" is an example of '{d.ConflictIntent}'").ToList();
        var unusable = refused.Count(d => d.Outcome == ExampleOutcome.Unusable);
        return Join(
            NotOpen(outcome),
            conflicts.Count > 0 ? $"Left open: {string.Join("; ", conflicts)} (tick \"move\" to take them from there)." : null,
            unusable > 0 ? $"Left open: {Questions(unusable)} with no words to learn from." : null);
    }

    private static string? NotOpen(InboxOutcome outcome) =>
        outcome.NotOpen.Count > 0 ? $"{Questions(outcome.NotOpen.Count)} had been reviewed meanwhile and {(outcome.NotOpen.Count == 1 ? "was" : "were")} left as {(outcome.NotOpen.Count == 1 ? "it was" : "they were")}." : null;

    private static string Questions(int n) => $"{n} question{S(n)}";

    private static string S(int n) => n == 1 ? "" : "s";

    private static string Join(params string?[] parts) => string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p)));
}
