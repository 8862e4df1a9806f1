using System.Text.RegularExpressions;

namespace Botshop.Knowledge.Postings;

/// <summary>Splits a paragraph into sentences without breaking on common abbreviations ("e.g.", "U.S.", "St.").</summary>
internal static partial class Sentences
{
    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "etc.", "vs.", "st.", "dr.", "mr.", "ms.", "mrs.", "no.", "u.s.", "inc.", "approx."];

    public static IEnumerable<string> Split(string paragraph)
    {
        var start = 0;
        foreach (Match m in Boundary().Matches(paragraph))
        {
            var candidate = paragraph[start..m.Index];
            if (EndsWithAbbreviation(candidate)) continue;
            yield return candidate.Trim();
            start = m.Index + m.Length;
        }
        var rest = paragraph[start..].Trim();
        if (rest.Length > 0) yield return rest;
    }

    private static bool EndsWithAbbreviation(string text)
    {
        var lastWord = text[(text.LastIndexOf(' ') + 1)..].ToLowerInvariant();
        return Abbreviations.Contains(lastWord);
    }

    // A sentence ends at . ! or ? followed by space and something that can start a sentence.
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\d“""'(])")]
    private static partial Regex Boundary();
}
