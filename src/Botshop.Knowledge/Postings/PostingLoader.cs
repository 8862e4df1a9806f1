using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Botshop.Core.Knowledge;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Botshop.Knowledge.Postings;

/// <summary>
/// Loads every posting in a folder. A posting is any .html, .htm, .txt or .md file; its id is the file name's slug.
/// HTML is recognised by extension or by content, since job boards export HTML under any name.
/// </summary>
public static partial class PostingLoader
{
    private const string MetaSuffix = ".meta.yaml";
    private static readonly string[] Extensions = [".html", ".htm", ".txt", ".md"];

    public static IReadOnlyList<Posting> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder)) throw new KnowledgeDataException($"Postings folder not found: {folder}");
        return Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .Select(LoadFile)
            .ToList();
    }

    public static Posting LoadFile(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (IOException e) { throw new KnowledgeDataException($"{path}: cannot read: {e.Message}", e); }
        var id = Slug.From(Path.GetFileNameWithoutExtension(path));
        var meta = LoadMetadata(Path.ChangeExtension(path, null) + MetaSuffix);
        var text = Encoding.UTF8.GetString(bytes);
        return Parse(id, text, meta, Path.GetExtension(path), path) with { Source = new PostingSource(Path.GetFileName(path), text) };
    }

    /// <summary>
    /// Parses an uploaded document exactly as a file dropped into data/postings would be: the id is the file name's
    /// slug, <paramref name="meta"/> plays the part of NAME.meta.yaml. The source keeps a normalised file name (id and
    /// extension), so an export writes it back under a name that gives the same id.
    /// </summary>
    public static Posting FromUpload(string fileName, string content, PostingMetadata? meta = null)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!UploadExtensions.Contains(extension))
            throw new KnowledgeDataException($"{name}: a posting must be an HTML or text file ({string.Join(", ", UploadExtensions)}).");
        var id = Slug.From(Path.GetFileNameWithoutExtension(name));
        if (id.Length == 0) throw new KnowledgeDataException($"{name}: the file name has no letters or digits to make a posting id from.");
        if (string.IsNullOrWhiteSpace(content)) throw new KnowledgeDataException($"{name}: the document is empty.");
        return Parse(id, content, meta, extension, name) with { Source = new PostingSource(id + extension, content) };
    }

    /// <summary>The kinds of document an upload accepts.</summary>
    public static readonly IReadOnlyList<string> UploadExtensions = [".html", ".htm", ".txt"];

    /// <summary>Parses a posting from its text; <paramref name="extension"/> hints the format (".html", ".txt").</summary>
    public static Posting Parse(string id, string content, PostingMetadata? meta = null, string extension = ".txt", string? origin = null)
    {
        var parsed = LooksLikeHtml(content, extension) ? HtmlPostingParser.Parse(content) : TextPostingParser.Parse(content);
        if (parsed.Passages.Count == 0) throw new KnowledgeDataException($"{origin ?? id}: no text found in the posting: it has no sentence or list item to quote.");
        var title = meta?.Title ?? parsed.Title ?? TitleFromId(id);
        var locations = meta?.Locations ?? FindLocations(parsed.Passages);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        return new Posting(id, title, locations, parsed.Passages, hash);
    }

    private static bool LooksLikeHtml(string content, string extension) =>
        extension.ToLowerInvariant() is ".html" or ".htm" || HtmlTag().IsMatch(content.AsSpan(0, Math.Min(content.Length, 2000)));

    private static PostingMetadata? LoadMetadata(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            return deserializer.Deserialize<PostingMetadata>(File.ReadAllText(path));
        }
        catch (YamlException e) { throw new KnowledgeDataException($"{path}: {e.Message}", e); }
    }

    private static List<string> FindLocations(IReadOnlyList<Passage> passages)
    {
        foreach (var p in passages)
        {
            var m = LocationLine().Match(p.Text);
            if (m.Success)
                return m.Groups[1].Value.Split([';', '|', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }
        return [];
    }

    private static string TitleFromId(string id) =>
        string.Join(' ', id.Split('-').Select(w => w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w));

    [GeneratedRegex(@"^(?:available\s+)?locations?\s*:\s*(.+?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex LocationLine();

    [GeneratedRegex(@"<(?:p|div|ul|li|h[1-6]|strong|span|br)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();
}
