using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Botshop.Core.Knowledge;

namespace Botshop.Knowledge.Postings;

/// <summary>
/// Collects passages in document order and gives each a stable id: section slug, the first words, and a short hash
/// of the whole text. Any edit to a passage changes its id, so an answer citing the old text is reported as stale.
/// </summary>
internal sealed partial class PassageBuilder
{
    private const string DefaultSection = "Overview";
    private readonly List<Passage> _passages = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public string Section { get; private set; } = DefaultSection;

    public IReadOnlyList<Passage> Passages => _passages;

    public void StartSection(string heading)
    {
        var clean = Clean(heading).TrimEnd(':').Trim();
        if (clean.Length > 0) Section = clean;
    }

    /// <summary>Adds a paragraph, one passage per sentence.</summary>
    public void AddParagraph(string text)
    {
        foreach (var sentence in Sentences.Split(Clean(text))) AddOne(sentence);
    }

    /// <summary>Adds a bullet or a short line as a single passage.</summary>
    public void AddItem(string text) => AddOne(Clean(text));

    private void AddOne(string text)
    {
        if (text.Length == 0 || !text.Any(char.IsLetterOrDigit)) return;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..4];
        var baseId = $"{Slug.From(Section, 5)}/{Slug.From(text, 6)}-{hash}";
        var id = baseId;
        for (var n = 2; !_ids.Add(id); n++) id = $"{baseId}-{n}";
        _passages.Add(new Passage(id, Section, text, _passages.Count));
    }

    /// <summary>Collapses whitespace (non-breaking spaces included) and trims.</summary>
    public static string Clean(string text) => Whitespace().Replace(text.Replace('\u00a0', ' '), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
