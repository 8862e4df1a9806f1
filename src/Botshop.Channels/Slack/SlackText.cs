using System.Text.RegularExpressions;

namespace Botshop.Channels.Slack;

/// <summary>Slack's text encoding: three characters escaped as entities, and &lt;…&gt; for mentions and links.</summary>
public static partial class SlackText
{
    /// <summary>Makes any text inert in mrkdwn: no mentions (&lt;!channel&gt;, &lt;@U…&gt;), no links.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Undoes Slack's escaping of a received message text (ampersand last, so "&amp;lt;" stays "&lt;").</summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    /// <summary>Removes every mention of the bot ("&lt;@UBOT&gt;" or the legacy "&lt;@UBOT|name&gt;") and tidies spaces.</summary>
    public static string StripMention(string text, string? botUserId)
    {
        if (string.IsNullOrEmpty(botUserId))
            return text.Trim();
        var stripped = MentionPattern().Replace(text, m => m.Groups["id"].Value == botUserId ? " " : m.Value);
        return Spaces().Replace(stripped, " ").Trim();
    }

    [GeneratedRegex(@"<@(?<id>[A-Z0-9]+)(\|[^>]*)?>")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
