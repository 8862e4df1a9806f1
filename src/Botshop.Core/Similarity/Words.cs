using System.Text;

namespace Botshop.Core.Similarity;

/// <summary>
/// Splits text into the words two passages are compared on: lowercase letters and digits, English stop words
/// dropped, plurals folded ("weeks" = "week"), so "a 12-week internship" and "lasts 12 weeks" share "12" and "week".
/// </summary>
public static class Words
{
    public static IEnumerable<string> Of(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) { word.Append(char.ToLowerInvariant(c)); continue; }
            // "we're" and "Cloudflare's" stay one word, so the contraction's tail is not a word of its own.
            if (c is '\'' or '\u2019' && word.Length > 0) continue;
            if (Flush(word) is { } w) yield return w;
        }
        if (Flush(word) is { } last) yield return last;
    }

    private static string? Flush(StringBuilder word)
    {
        if (word.Length == 0) return null;
        var w = Stem(word.ToString());
        word.Clear();
        return StopWords.Contains(w) ? null : w;
    }

    /// <summary>Only plurals and possessives: anything bolder merges words a posting keeps apart.</summary>
    private static string Stem(string w)
    {
        if (w.EndsWith('s') && w.Length > 1 && char.IsDigit(w[^2])) return w[..^1]; // "1990s"
        if (w.Length <= 3 || char.IsDigit(w[^1])) return w;
        if (w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)) return w[..^2];
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
            return w[..^1];
        return w;
    }

    // Stemmed like the text, so "yourselves" is caught as what Stem makes of it.
    private static readonly HashSet<string> StopWords = new string[]
    {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
        "down", "during", "each", "etc", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
        "here", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may",
        "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
        "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
        "that", "the", "their", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
        "too", "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
        "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "well", "like", "including",
        "within", "via", "per", "e", "g", "ie",
    }.Select(Stem).ToHashSet(StringComparer.Ordinal);
}
