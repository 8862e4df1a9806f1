namespace Botshop.Channels.Slack;

/// <summary>Block Kit limits from @slack/types (channels.md §1.6); Slack refuses a message that breaks one.</summary>
public static class BlockKitLimits
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    /// <summary>chat.postMessage truncates the top-level text beyond this.</summary>
    public const int MaxFallbackText = 40000;
    /// <summary>Choice buttons shown; each sits in its own actions block because action_ids repeat.</summary>
    public const int MaxChoices = 20;

    /// <summary>Splits escaped mrkdwn into pieces of at most <paramref name="max"/> chars, at spaces where possible,
    /// never inside an entity such as "&amp;amp;".</summary>
    public static IReadOnlyList<string> Chunk(string text, int max)
    {
        var chunks = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOfAny([' ', '\n'], max - 1, max / 2);
            if (cut <= 0)
                cut = EntitySafeCut(rest, max);
            chunks.Add(rest[..cut]);
            rest = rest[cut..].TrimStart(' ');
        }
        if (rest.Length > 0)
            chunks.Add(rest);
        return chunks;
    }

    /// <summary>Shortens escaped text to at most <paramref name="max"/> chars, ending in "…", without breaking an entity.</summary>
    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : text[..EntitySafeCut(text, max - 1)] + "…";

    // An entity is at most 5 chars ("&amp;"): a cut through one moves back to its '&'.
    private static int EntitySafeCut(string text, int cut)
    {
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(5, cut));
        return amp > 0 && text.IndexOf(';', amp, cut - amp) < 0 ? amp : cut;
    }
}
