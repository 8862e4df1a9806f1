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
        var removed = false;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)) continue;
            if (botId is null || entity.Mentioned?.Id != botId || string.IsNullOrEmpty(entity.Text)) continue;
            var at = text.IndexOf(entity.Text, StringComparison.Ordinal);
            if (at < 0) continue;
            text = text.Remove(at, entity.Text.Length); // first occurrence only, as botbuilder
            removed = true;
        }
        // Fallback for markup without a matching entity: in a channel the bot only hears what mentions it, so the
        // first tag is taken to be the bot. Other people's mentions keep their names, which may matter to the question.
        if (!removed) text = AtTag().Replace(text, "", 1);
        text = AtTag().Replace(text, m => m.Groups["name"].Value);
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex("<at>(?<name>[^<]*)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();
}
