using System.Text.RegularExpressions;

namespace Botshop.Core.Privacy;

/// <summary>
/// Replaces contact details and identifiers in a candidate's message with typed placeholders, so stored text and the
/// classifier never see them. Order matters: URLs first (their query strings hold emails and tokens), then emails,
/// phone numbers, and finally any long digit run the phone rules did not claim.
/// </summary>
public static partial class Redactor
{
    public const string Email = "[email]";
    public const string Phone = "[phone]";
    public const string Url = "[url]";
    public const string Number = "[number]";

    // E.164 allows at most 15 digits; seven is the shortest subscriber number worth hiding.
    private const int MinPhoneDigits = 7;
    private const int MaxPhoneDigits = 15;
    // With a national trunk 0, fewer than nine digits is far more often a date (01-06-2026) than a phone number.
    private const int MinNationalDigits = 9;
    private const int MinNumberDigits = 7;

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        text = UrlWithQuery().Replace(text, Url);
        text = EmailAddress().Replace(text, Email);
        text = PhoneNumber().Replace(text, ReplacePhone);
        return DigitGroups().Replace(text, ReplaceNumber);
    }

    private static string ReplacePhone(Match match)
    {
        var digits = CountDigits(match.Value);
        var min = match.Groups["national"].Success ? MinNationalDigits : MinPhoneDigits;
        return digits >= min && digits <= MaxPhoneDigits ? Phone : match.Value;
    }

    private static string ReplaceNumber(Match match) =>
        CountDigits(match.Value) >= MinNumberDigits && !IsYearList(match.Value) ? Number : match.Value;

    // "2024-2026" or "2019 2020 2021" are years, not an account number.
    private static bool IsYearList(string value) =>
        value.Split(' ', '-').All(g => g.Length == 4 && (g.StartsWith("19", StringComparison.Ordinal) || g.StartsWith("20", StringComparison.Ordinal)));

    private static int CountDigits(string value) => value.Count(char.IsDigit);

    // A URL only when it carries a query string: that is where tokens and personal parameters travel. The last
    // character may not be sentence punctuation, so "see https://x.com/a?b=c." keeps its full stop.
    [GeneratedRegex(@"(?:https?://|www\.)[^\s?<>""']+\?[^\s<>""']*[^\s<>""'.,;:!?)\]}]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlWithQuery();

    [GeneratedRegex(@"(?<![\w.%+-])[\w.%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\w-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // A colon before the number only counts against it after a digit (9:30), so "tel:+44…" and "ID:1234567" still match.
    // Three shapes, each with separators required between digit groups (no nested optional repeats, so no runaway
    // backtracking): international (+44 / 0044, with an optional "(0)" or "(415)"), North American (415) 555-2671,
    // and national with a trunk 0 (07700 900123, 01 23 45 67 89). Digit counts are checked in ReplacePhone.
    [GeneratedRegex("""
        (?<![\w.,/+-]|\d:)
        (?:
            (?:\+|00)\d{1,14}(?:(?:[ .-]?\(\d{1,4}\)[ .-]?|[ .-])\d{1,10})*
          | (?:1[ .-])?(?:\(\d{3}\)[ ]?|\d{3}[ .-])\d{3}[ .-]\d{4}
          | (?<national>(?:\(0\d{1,4}\)[ ]?|0\d{1,4}[ .-])\d{2,8}(?:[ .-]\d{2,8})*)
        )
        (?![\w]|[.,/:-]\d)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    // Account numbers, IDs and card numbers: digit groups of three or more, joined by single spaces or dashes, so
    // dates (2026-06-01), decimals, IP addresses and thousands separators (45,000) are never a candidate.
    [GeneratedRegex(@"(?<![\w.,/-]|\d:)\d{3,}(?:[ -]\d{3,})*(?![\w]|[.,/:-]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroups();
}
