using System.Globalization;
using System.Text.RegularExpressions;

namespace Botshop.Knowledge.Postings;

/// <summary>
/// Reads a plain-text posting (as copied from a job board). The short lines before the first real paragraph are the
/// header: its first plain line is the title, the rest are summary facts ("Off-cycle", "Rolling basis"). After that,
/// a short line without closing punctuation starts a section; bullets are single passages; other lines are
/// paragraphs split into sentences. Job-board chrome ("View more", "14d ago") is dropped.
/// </summary>
internal static partial class TextPostingParser
{
    private const int ShortLineMaxWords = 6;

    public static ParsedDocument Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n')
            .Select(PassageBuilder.Clean)
            .Where(l => !IsChrome(l))
            .ToList();
        var builder = new PassageBuilder();
        var i = 0;
        var title = ReadHeader(lines, ref i, builder);
        var previousWasShort = false;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (Bullet().Match(line) is { Success: true } bullet) { builder.AddItem(bullet.Groups[1].Value); previousWasShort = false; continue; }
            if (IsShortLine(line))
            {
                // In a run of short lines the first names the section and the rest are its items.
                if (previousWasShort) builder.AddItem(StripEmoji(line));
                else builder.StartSection(StripEmoji(line));
                previousWasShort = true;
                continue;
            }
            builder.AddParagraph(line);
            previousWasShort = false;
        }
        return new ParsedDocument(title, builder.Passages);
    }

    private static string? ReadHeader(List<string> lines, ref int i, PassageBuilder builder)
    {
        string? title = null;
        builder.StartSection("Summary");
        for (; i < lines.Count && (lines[i].Length == 0 || IsShortLine(lines[i])); i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (title is null && !StartsWithSymbol(line)) title = line;
            else builder.AddItem(StripEmoji(line));
        }
        builder.StartSection("Overview");
        return title;
    }

    private static bool IsShortLine(string line) =>
        line.Split(' ').Length <= ShortLineMaxWords && line.Length <= 60 && !".,;!?".Contains(line[^1]) && !Bullet().IsMatch(line);

    private static bool IsChrome(string line) => Chrome().IsMatch(line);

    private static bool StartsWithSymbol(string line) =>
        char.IsSurrogate(line[0]) || CharUnicodeInfo.GetUnicodeCategory(line[0]) is UnicodeCategory.OtherSymbol;

    private static string StripEmoji(string line)
    {
        var start = 0;
        while (start < line.Length && (char.IsSurrogate(line[start]) || CharUnicodeInfo.GetUnicodeCategory(line[start]) is UnicodeCategory.OtherSymbol or UnicodeCategory.NonSpacingMark || line[start] is ' ' or '\uFE0F'))
            start++;
        return line[start..];
    }

    [GeneratedRegex(@"^(?:[•·▪◦*-]|\d+[.)])\s+(.+)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:view more|show more|show less|read more|apply|apply now|save|share|\d+\s*[hdwmy]\s+ago|posted \d+ .*ago)$", RegexOptions.IgnoreCase)]
    private static partial Regex Chrome();
}
