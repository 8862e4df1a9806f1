using System.Globalization;
using System.Text;

namespace Botshop.Ml;

/// <summary>
/// Puts questions into one canonical form before featurising, for training and prediction alike, so that
/// "What's the SALARY?!" and "whats the salary" are the same input.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Lowercase, diacritics removed, punctuation turned into word breaks, spaces collapsed; digits kept
    /// because "12 weeks" and "6 months" are exactly what tells some intents apart. Contractions, chat shorthand and
    /// British spellings are then written one way (<see cref="WordVariants"/>).</summary>
    public static string Normalize(string? text)
    {
        var plain = Simplify(text);
        return plain.Length == 0 ? plain : string.Join(' ', plain.Split(' ').Select(WordVariants.Canonical));
    }

    private static string Simplify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";

        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (IsApostrophe(c))
                continue; // "what's" -> "whats": a contraction stays one word
            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && result.Length > 0)
                result.Append(' ');
            pendingSpace = false;
            var lower = char.ToLowerInvariant(c);
            if (Folded.TryGetValue(lower, out var plain))
                result.Append(plain);
            else
                result.Append(lower);
        }
        return result.ToString();
    }

    // The app runs with invariant globalization, where string.Normalize(FormD) is a no-op, so the accented letters
    // of the languages candidates write in are folded by table (combining marks are dropped above).
    private static readonly Dictionary<char, string> Folded = new (string Plain, string Accented)[]
    {
        ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥħ"),
        ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"),
        ("r", "ŕŗř"), ("s", "śŝşš"), ("t", "ţťŧ"), ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
        ("ss", "ß"), ("ae", "æ"), ("oe", "œ"),
    }.SelectMany(f => f.Accented.Select(c => (c, f.Plain))).ToDictionary(p => p.c, p => p.Plain);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';
}
