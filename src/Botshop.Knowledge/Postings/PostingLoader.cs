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
        return Parse(id, Encoding.UTF8.GetString(bytes), meta, Path.GetExtension(path), path);
    }

    /// <summary>Parses a posting from its text; <paramref name="extension"/> hints the format (".html", ".txt").</summary>
    public static Posting Parse(string id, string content, PostingMetadata? meta = null, string extension = ".txt", string? origin = null)
    {
        var parsed = LooksLikeHtml(content, extension) ? HtmlPostingParser.Parse(content) : TextPostingParser.Parse(content);
        if (parsed.Passages.Count == 0) throw new KnowledgeDataException($"{origin ?? id}: no text found in the posting.");
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
