using System.Globalization;
using System.Text.RegularExpressions;
using Botshop.Storage.Conversations;
using Microsoft.AspNetCore.WebUtilities;

namespace Botshop.Server.Admin.Conversations;

/// <summary>
/// The conversations filter as it travels in the query string (the list, its "Older"/"Newer" links and the CSV export
/// share it), checked and turned into a <see cref="MessageFilter"/>. Dates are whole UTC days, "to" included.
/// </summary>
public sealed partial class ConversationFilterForm
{
    public static readonly IReadOnlyList<string> Channels = ["web", "slack", "msteams", "cli"];

    public string? Posting { get; set; }
    public string? Channel { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>"answered" or "declined".</summary>
    public string? Outcome { get; set; }

    /// <summary>Confidence below this, between 0 and 1.</summary>
    public double? Below { get; set; }

    /// <summary>Only 👎.</summary>
    public bool Down { get; set; }

    /// <summary>Free text searched for in the question.</summary>
    public string? Q { get; set; }

    public string? Older { get; set; }
    public string? Newer { get; set; }

    /// <summary>The filter, or the reason the query string cannot be one.</summary>
    public (MessageFilter? Filter, string? Error) ToFilter()
    {
        if (Posting is { Length: > 200 }) return Fail("posting is at most 200 characters.");
        if (Channel is { Length: > 0 } c && !ChannelPattern().IsMatch(c)) return Fail("channel is a channel name such as web, slack, msteams or cli.");
        if (From is { } f && To is { } t && f > t) return Fail("from must not be after to.");
        MessageOutcome? outcome = null;
        switch (Outcome?.Trim().ToLowerInvariant())
        {
            case null or "":
                break;
            case "answered":
                outcome = MessageOutcome.Answered;
                break;
            case "declined":
                outcome = MessageOutcome.Declined;
                break;
            default:
                return Fail("outcome is \"answered\" or \"declined\".");
        }
        if (Below is { } b && (b is <= 0 or > 1 || double.IsNaN(b))) return Fail("below is a confidence above 0 and at most 1.");
        if (Q is { Length: > MessageFilter.MaxSearchLength }) return Fail($"q is at most {MessageFilter.MaxSearchLength} characters.");
        return (new MessageFilter
        {
            PostingId = Blank(Posting),
            Channel = Blank(Channel),
            From = From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            To = To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Outcome = outcome,
            ConfidenceBelow = Below,
            ThumbsDownOnly = Down,
            Search = Blank(Q),
        }, null);
    }

    /// <summary>The page's position: where to read from and which way.</summary>
    public (MessageCursor? Cursor, PageDirection Direction, string? Error) ToPosition()
    {
        if (Older is not null && Newer is not null) return (null, PageDirection.Older, "give older or newer, not both.");
        if (Newer is not null)
            return MessageCursor.TryParse(Newer, out var n) ? (n, PageDirection.Newer, null) : (null, PageDirection.Newer, "newer is not a page position.");
        if (Older is not null)
            return MessageCursor.TryParse(Older, out var o) ? (o, PageDirection.Older, null) : (null, PageDirection.Older, "older is not a page position.");
        return (null, PageDirection.Older, null);
    }

    /// <summary><paramref name="path"/> with this filter (no position) and <paramref name="extra"/> in its query string.</summary>
    public string Link(string path, params (string Key, string Value)[] extra) =>
        QueryHelpers.AddQueryString(path, QueryValues().Concat(extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))));

    private Dictionary<string, string?> QueryValues() => new()
    {
        ["posting"] = Blank(Posting),
        ["channel"] = Blank(Channel),
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["outcome"] = Blank(Outcome),
        ["below"] = Below?.ToString(CultureInfo.InvariantCulture),
        ["down"] = Down ? "true" : null,
        ["q"] = Blank(Q),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static (MessageFilter?, string?) Fail(string error) => (null, error);

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,31}$")]
    private static partial Regex ChannelPattern();
}
