using System.Net;
using System.Text.RegularExpressions;

namespace Botshop.Channels.Teams;

/// <summary>Removes the bot's own @mention from a message's text, as botbuilder's removeRecipientMention does.</summary>
public static partial class MentionText
{
    public static string StripBotMention(TeamsActivity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)) continue;
            if (botId is null || entity.Mentioned?.Id != botId || string.IsNullOrEmpty(entity.Text)) continue;
            var at = text.IndexOf(entity.Text, StringComparison.Ordinal);
            if (at >= 0) text = text.Remove(at, entity.Text.Length); // first occurrence only, as botbuilder
        }
        // Fallback for clients that send the markup without (or with mismatched) mention entities.
        text = AtTag().Replace(text, "");
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex("<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();
}
