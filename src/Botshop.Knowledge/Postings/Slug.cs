using System.Globalization;
using System.Text;

namespace Botshop.Knowledge.Postings;

/// <summary>Readable, URL- and YAML-safe identifiers from free text.</summary>
public static class Slug
{
    public static string From(string text, int maxWords = int.MaxValue)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(ch)) { word.Append(char.ToLowerInvariant(ch)); continue; }
            if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return string.Join('-', words.Take(maxWords));
    }
}
