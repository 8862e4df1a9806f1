using System.Text.RegularExpressions;
using Botshop.Core.Conversations;

namespace Botshop.Core.Knowledge.Editing;

/// <summary>
/// What an edit to the live knowledge must satisfy: the same rules the FAQ validator applies to data/faq, checked
/// one edit at a time. Each check throws <see cref="KnowledgeEditException"/> with the reason.
/// </summary>
public static partial class KnowledgeRules
{
    /// <summary>Answers are read in a chat bubble: they must stay under this many characters.</summary>
    public const int MaxAnswerLength = 700;
    public const int MaxTopicLength = 120;
    public const int MaxIntentNameLength = 64;

    /// <summary>Lowercase letters, digits and underscores, starting with a letter: safe in YAML, URLs and button values.</summary>
    public static string IntentName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw new KnowledgeEditException("An intent needs a name.");
        if (trimmed.Length > MaxIntentNameLength || !IntentNamePattern().IsMatch(trimmed))
            throw new KnowledgeEditException(
                $"Intent name '{Shorten(trimmed)}' must be lowercase letters, digits and underscores, start with a letter and be at most {MaxIntentNameLength} characters (e.g. remote_work).");
        return trimmed;
    }

    /// <summary>The short noun phrase shown in "did you mean" buttons and "doesn't say anything about …".</summary>
    public static string Topic(string? topic)
    {
        var trimmed = topic?.Trim() ?? "";
        if (trimmed.Length == 0) throw new KnowledgeEditException("An intent needs a topic (a short phrase such as \"whether the internship is paid\").");
        if (trimmed.Length > MaxTopicLength) throw new KnowledgeEditException($"The topic is {trimmed.Length} characters; keep it under {MaxTopicLength}.");
        if (trimmed.Contains('\n') || trimmed.Contains('\r')) throw new KnowledgeEditException("The topic must be one line.");
        return trimmed;
    }

    public static string Example(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) throw new KnowledgeEditException("An example question cannot be empty.");
        if (trimmed.Length > ConversationService.MaxQuestionLength)
            throw new KnowledgeEditException($"An example question is at most {ConversationService.MaxQuestionLength} characters.");
        if (Text.QuestionText.Normalise(trimmed).Length == 0)
            throw new KnowledgeEditException("An example question needs at least one letter or digit.");
        return trimmed;
    }

    /// <summary>
    /// An answer for one posting: not empty, under <see cref="MaxAnswerLength"/> characters, citing at least one
    /// passage of that posting and no passage it does not have (the bot never serves an answer it cannot quote).
    /// </summary>
    public static PostingAnswer Answer(string? text, IEnumerable<string>? sourceIds, Posting posting, string intentName)
    {
        if (intentName == Intent.OutOfScope)
            throw new KnowledgeEditException($"'{Intent.OutOfScope}' trains what the bot declines: it has no answers.");
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) throw new KnowledgeEditException("The answer cannot be empty.");
        if (trimmed.Length >= MaxAnswerLength)
            throw new KnowledgeEditException($"The answer is {trimmed.Length} characters; keep it under {MaxAnswerLength}.");
        var sources = (sourceIds ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (sources.Count == 0)
            throw new KnowledgeEditException($"Cite at least one passage of the {posting.Title} posting: the bot quotes it under the answer, and never serves an answer it cannot quote.");
        var unknown = sources.Where(s => posting.FindPassage(s) is null).ToList();
        if (unknown.Count > 0)
            throw new KnowledgeEditException($"The {posting.Title} posting has no passage {string.Join(", ", unknown.Select(u => $"'{Shorten(u)}'"))}.");
        // Kept in the posting's order, so the quotes read as the posting does.
        return new PostingAnswer(trimmed, sources.OrderBy(s => posting.FindPassage(s)!.Order).ToList());
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IntentNamePattern();
}
