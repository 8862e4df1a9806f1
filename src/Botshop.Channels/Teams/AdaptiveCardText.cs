using System.Text;

namespace Botshop.Channels.Teams;

/// <summary>
/// Makes text safe for an Adaptive Card TextBlock, which renders a Markdown subset: every character that could start
/// a link, emphasis, code, an HTML tag or an entity is backslash-escaped, so the text shows exactly as written.
/// </summary>
public static class AdaptiveCardText
{
    private const string Special = "\\`*_[](){}<>#!|~&";

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '\r') continue;
            if (c == '\n') { sb.Append("\n\n"); continue; } // a single newline would collapse into a space
            if (char.IsControl(c)) continue;
            if (Special.Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
