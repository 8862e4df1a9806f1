using System.Text.RegularExpressions;
using Botshop.Core.Knowledge;
using Botshop.Core.Text;

namespace Botshop.Knowledge.Faq;

/// <summary>
/// Checks the FAQ against the current postings: citations exist, intents have enough examples, no question trains two
/// intents, and every posting passage is either answered somewhere or deliberately listed as not answered.
/// </summary>
public static partial class FaqValidator
{
    public const int MinExamples = 10;
    public const int MaxAnswerLength = 700;

    public static ValidationReport Validate(FaqData faq, IReadOnlyList<Posting> postings)
    {
        var issues = new List<ValidationIssue>();
        var byId = postings.ToDictionary(p => p.Id);
        CheckIntents(faq, byId, issues);
        CheckDuplicateExamples(faq, issues);
        CheckCoverage(faq, postings, issues);
        return new ValidationReport(issues);
    }

    private static void CheckIntents(FaqData faq, Dictionary<string, Posting> postings, List<ValidationIssue> issues)
    {
        var seen = new Dictionary<string, string>();
        foreach (var (intent, file) in faq.Intents)
        {
            var name = intent.Name.Trim();
            if (!IntentName().IsMatch(name)) { issues.Add(Error(file, $"intent name '{name}' must be lowercase letters, digits and underscores")); continue; }
            if (!seen.TryAdd(name, file)) issues.Add(Error(file, $"intent '{name}' is also defined in {seen[name]}"));
            if (string.IsNullOrWhiteSpace(intent.Topic)) issues.Add(Error(file, $"intent '{name}' has no topic"));
            var examples = intent.Examples.Count(e => !string.IsNullOrWhiteSpace(e));
            if (examples < MinExamples) issues.Add(Error(file, $"intent '{name}' has {examples} examples; at least {MinExamples} are needed"));
            if (name == Intent.OutOfScope && intent.Answers.Count > 0) issues.Add(Error(file, $"'{Intent.OutOfScope}' must not have answers"));
            foreach (var (postingId, answer) in intent.Answers) CheckAnswer(file, name, postingId, answer, postings, issues);
        }
        if (!seen.ContainsKey(Intent.OutOfScope)) issues.Add(Error("(faq)", $"no '{Intent.OutOfScope}' intent: the bot could not learn what to decline"));
    }

    private static void CheckAnswer(string file, string intent, string postingId, FaqAnswer answer, Dictionary<string, Posting> postings, List<ValidationIssue> issues)
    {
        var where = $"intent '{intent}', posting '{postingId}'";
        if (!postings.TryGetValue(postingId, out var posting)) { issues.Add(Error(file, $"{where}: no such posting")); return; }
        if (string.IsNullOrWhiteSpace(answer.Text)) issues.Add(Error(file, $"{where}: empty answer"));
        else if (answer.Text.Trim().Length > MaxAnswerLength) issues.Add(Error(file, $"{where}: answer is {answer.Text.Trim().Length} characters; keep it under {MaxAnswerLength}"));
        if (answer.Sources.Count == 0) issues.Add(Error(file, $"{where}: the answer cites no passage"));
        foreach (var source in answer.Sources.Where(s => posting.FindPassage(s.Trim()) is null))
            issues.Add(Error(file, $"{where}: stale citation '{source}': no such passage in the current posting (did the posting change?)"));
    }

    private static void CheckDuplicateExamples(FaqData faq, List<ValidationIssue> issues)
    {
        var owner = new Dictionary<string, string>();
        foreach (var (intent, file) in faq.Intents)
        {
            foreach (var example in intent.Examples.Where(e => !string.IsNullOrWhiteSpace(e)))
            {
                var key = Normalise(example);
                if (!owner.TryAdd(key, intent.Name))
                {
                    issues.Add(owner[key] == intent.Name
                        ? Warning(file, $"intent '{intent.Name}' lists \"{example}\" twice")
                        : Error(file, $"example \"{example}\" appears in both '{owner[key]}' and '{intent.Name}'"));
                }
            }
        }
    }

    private static void CheckCoverage(FaqData faq, IReadOnlyList<Posting> postings, List<ValidationIssue> issues)
    {
        foreach (var posting in postings)
        {
            var cited = faq.Intents
                .SelectMany(x => x.Intent.Answers.TryGetValue(posting.Id, out var a) ? a.Sources : [])
                .Select(s => s.Trim())
                .ToHashSet();
            var excluded = faq.Coverage.NotAnswered.GetValueOrDefault(posting.Id) ?? [];
            foreach (var passage in posting.Passages.Where(p => !cited.Contains(p.Id) && !excluded.Contains(p.Id)))
                issues.Add(Error(FaqLoader.CoverageFileName, $"posting '{posting.Id}': passage '{passage.Id}' (\"{Shorten(passage.Text)}\") is answered by no intent; write an answer citing it or list it under not_answered"));
            foreach (var id in excluded.Where(id => posting.FindPassage(id) is null))
                issues.Add(Warning(FaqLoader.CoverageFileName, $"posting '{posting.Id}': not_answered lists '{id}', which is not in the current posting"));
        }
        foreach (var postingId in faq.Coverage.NotAnswered.Keys.Where(id => postings.All(p => p.Id != id)))
            issues.Add(Warning(FaqLoader.CoverageFileName, $"not_answered names unknown posting '{postingId}'"));
    }

    /// <summary>Lowercase letters and digits only: "Is it paid?" and "is it paid" are the same question.</summary>
    public static string Normalise(string text) => QuestionText.Normalise(text);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static ValidationIssue Error(string file, string message) => new(ValidationSeverity.Error, file, message);
    private static ValidationIssue Warning(string file, string message) => new(ValidationSeverity.Warning, file, message);

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex IntentName();
}

public enum ValidationSeverity { Warning, Error }

public sealed record ValidationIssue(ValidationSeverity Severity, string File, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {File}: {Message}";
}

public sealed record ValidationReport(IReadOnlyList<ValidationIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.Severity == ValidationSeverity.Error);
    public IEnumerable<ValidationIssue> Errors => Issues.Where(i => i.Severity == ValidationSeverity.Error);
}
