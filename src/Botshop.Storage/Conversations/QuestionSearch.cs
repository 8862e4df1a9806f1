using System.Text;

namespace Botshop.Storage.Conversations;

/// <summary>
/// What a recruiter typed into the conversations search, as the query needs it: a LIKE pattern matching it anywhere
/// (its own % _ and \ literal) and, when it is long enough for a trigram index, the same text as an FTS5 phrase.
/// </summary>
internal sealed record QuestionSearch(string Pattern, string Phrase, bool UsesTextIndex)
{
    /// <summary>A trigram index finds nothing shorter than one trigram: shorter searches keep the plain LIKE.</summary>
    public const int MinIndexedLength = 3;

    public static QuestionSearch From(string typed)
    {
        var text = typed.Trim();
        if (text.Length > MessageFilter.MaxSearchLength) text = text[..MessageFilter.MaxSearchLength];
        var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        // An FTS5 string: everything inside the double quotes is literal, a quote doubled; trigrams count characters
        // (code points), not UTF-16 units.
        var phrase = "\"" + text.Replace("\"", "\"\"") + "\"";
        return new QuestionSearch(pattern, phrase, CodePoints(text) >= MinIndexedLength);
    }

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }
}
