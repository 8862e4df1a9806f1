using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Botshop.Knowledge.Postings;

/// <summary>
/// Reads an HTML posting. Headings are h1–h6 or a block whose only text is bold ("&lt;p&gt;&lt;strong&gt;Bonus
/// Points:&lt;/strong&gt;&lt;/p&gt;"); paragraphs become sentences, list items single passages.
/// </summary>
internal static class HtmlPostingParser
{
    private static readonly HashSet<string> BlockTags =
        ["P", "LI", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "SECTION", "ARTICLE", "BLOCKQUOTE", "TD", "DD", "DT"];

    public static ParsedDocument Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var builder = new PassageBuilder();
        var title = document.QuerySelector("h1")?.TextContent ?? document.Title;
        Walk(document.Body ?? (IElement)document.DocumentElement, builder);
        return new ParsedDocument(string.IsNullOrWhiteSpace(title) ? null : PassageBuilder.Clean(title), builder.Passages);
    }

    private static void Walk(IElement element, PassageBuilder builder)
    {
        foreach (var child in element.Children)
        {
            if (child.TagName is "SCRIPT" or "STYLE" or "NAV" or "HEADER" or "FOOTER") continue;
            if (HasBlockChildren(child)) { Walk(child, builder); continue; }

            var text = PassageBuilder.Clean(child.TextContent);
            if (text.Length == 0) continue;
            if (IsHeading(child, text)) builder.StartSection(text);
            else if (child.TagName == "LI") builder.AddItem(text);
            else builder.AddParagraph(text);
        }
    }

    private static bool HasBlockChildren(IElement element) => element.Children.Any(c => BlockTags.Contains(c.TagName));

    private static bool IsHeading(IElement element, string text)
    {
        if (element.TagName is ['H', >= '1' and <= '6']) return true;
        // "Label: value" in bold is a fact ("Available Locations: London, UK"), not a heading.
        if (text.IndexOf(':') is var colon and >= 0 && colon < text.Length - 1) return false;
        var boldText = PassageBuilder.Clean(string.Concat(element.QuerySelectorAll("strong, b").Select(b => b.TextContent)));
        return boldText.Length > 0 && boldText == text && text.Split(' ').Length <= 8;
    }
}

/// <summary>What a parser found in a source document, before the loader adds id and metadata.</summary>
internal sealed record ParsedDocument(string? Title, IReadOnlyList<Botshop.Core.Knowledge.Passage> Passages, IReadOnlyList<string>? HeaderLines = null);
