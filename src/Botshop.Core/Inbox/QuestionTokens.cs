using System.Text.RegularExpressions;

namespace Botshop.Core.Inbox;

/// <summary>
/// The content words of a question, reduced to a crude stem so "visas", "visa" and "sponsorship", "sponsor" meet:
/// question words, pronouns and other words every question shares are dropped, as they say nothing about the topic.
/// English only, deliberately small: it groups questions for a human to look at, it does not classify them.
/// </summary>
public static partial class QuestionTokens
{
    /// <summary>Each content word as a (stem, word as written, lowercased) pair, in order.</summary>
    public static IReadOnlyList<(string Stem, string Word)> For(string text)
    {
        var tokens = new List<(string, string)>();
        foreach (Match m in Word().Matches(text.ToLowerInvariant()))
        {
            var word = m.Value.Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal);
            if (word.Length == 0 || StopWords.Contains(word)) continue;
            tokens.Add((Stem(word), word));
        }
        return tokens;
    }

    /// <summary>Strips one common suffix, then a trailing e: housing/house → hous, relocation/relocate → relocat.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit)) return word;
        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) w = w[..^3] + "y";
        else if (w.EndsWith("sses", StringComparison.Ordinal)) w = w[..^2];
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal)) w = w[..^1];
        foreach (var suffix in Suffixes)
        {
            if (w.Length - suffix.Length >= 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                w = w[..^suffix.Length];
                break;
            }
        }
        if (w.Length > 3 && w.EndsWith('e')) w = w[..^1];
        return w;
    }

    private static readonly string[] Suffixes = ["ship", "ment", "ness", "ing", "ion", "ed", "ly", "er"];

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "am", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "done",
        "i", "im", "ive", "id", "me", "my", "mine", "you", "your", "youre", "yours", "we", "us", "our", "ours", "they", "them", "their",
        "it", "its", "this", "that", "these", "those", "there", "theres", "here", "of", "to", "in", "on", "for", "at", "by", "with",
        "and", "or", "but", "not", "no", "yes", "if", "so", "as", "from", "into", "about", "than", "then", "also", "just", "too",
        "can", "could", "will", "would", "should", "shall", "may", "might", "must", "have", "has", "had", "get", "got", "getting",
        "what", "whats", "how", "hows", "when", "where", "wheres", "which", "who", "whom", "why", "any", "some", "much", "many",
        "please", "hi", "hello", "hey", "thanks", "thank", "tell", "know", "like", "want", "wanted", "wondering", "quick",
        "question", "q", "ok", "okay", "all", "each", "other", "more", "most", "very", "really", "out", "up",
        // Verbs almost any request uses ("do you provide …", "is … covered"), and what every question here is about
        // anyway (the internship, the role): they would join questions on different topics.
        "help", "provide", "provided", "provides", "providing", "offer", "offered", "offers", "give", "given", "receive",
        "received", "available", "availability", "possible", "cover", "covered", "covers", "allow", "allowed", "need",
        "needed", "find", "finding", "intern", "interns", "internship", "internships", "role", "roles", "job", "jobs",
        "position", "positions", "company", "posting",
    };

    [GeneratedRegex(@"[\p{L}\p{N}'\u2019]+")]
    private static partial Regex Word();
}
