using System.Globalization;
using System.Text;

namespace Botshop.Core.Privacy;

/// <summary>
/// Recognises a candidate asking to be forgotten ("forget me", "Please forget me!", "/ask forget"), whatever the
/// case, punctuation or politeness around it. Only whole requests count: a question that merely contains the word
/// ("will you forget my application?") is a question.
/// </summary>
public static class ForgetRequest
{
    // Words that may surround the request without changing it.
    private static readonly HashSet<string> Filler =
    [
        "please", "pls", "plz", "kindly", "now", "thanks", "thank", "you", "ok", "okay", "hey", "hi", "hello",
        "bot", "botshop", "can", "could", "would", "will", "just", "and",
    ];

    // What remains once the filler is gone: the request itself.
    private static readonly HashSet<string> Requests =
    [
        "forget", "forget me", "forget about me", "forget everything about me", "forget all about me",
        "forget my data", "forget all my data", "delete my data", "delete all my data", "erase my data",
        "erase all my data", "delete me", "erase me",
    ];

    public static bool Matches(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100) return false;
        var words = Words(text).Where(w => !Filler.Contains(w)).ToList();
        return words.Count > 0 && Requests.Contains(string.Join(' ', words));
    }

    /// <summary>
    /// Lower-case words, with punctuation, symbols and emoji treated as spaces ("forget-me!!" is two words), and
    /// full-width letters (as East Asian keyboards type them) read as the plain ones.
    /// </summary>
    private static IEnumerable<string> Words(string text)
    {
        var cleaned = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            cleaned.Append(char.IsLetterOrDigit(c) ? char.ToLower(c, CultureInfo.InvariantCulture) : ' ');
        }
        return cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
