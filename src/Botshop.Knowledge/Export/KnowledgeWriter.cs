using System.Text;
using Botshop.Core.Knowledge;
using Botshop.Knowledge.Faq;
using Botshop.Knowledge.Postings;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Botshop.Knowledge.Export;

/// <summary>
/// Writes knowledge back as a data folder in the format <see cref="KnowledgeLoader"/> reads: postings/ holds each
/// posting's document as published (plus NAME.meta.yaml where the stored title or locations differ from what the
/// document gives), faq/ one YAML file per FAQ file the intents came from, and coverage.yaml.
/// </summary>
public static class KnowledgeWriter
{
    /// <summary>Where intents made in the workspace, with no FAQ file of their own, are written.</summary>
    public const string DefaultFaqFile = "added.yaml";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithQuotingNecessaryStrings()
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .DisableAliases()
        .Build();

    /// <summary>Writes into <paramref name="folder"/>, which must be empty or not exist yet, so no older file mixes in.</summary>
    public static ExportReport Write(string folder, KnowledgeBase knowledge)
    {
        var withoutSource = knowledge.Postings.Where(p => p.Source is null).Select(p => p.Id).ToList();
        if (withoutSource.Count > 0)
            throw new KnowledgeDataException(
                $"no stored document for posting(s) {string.Join(", ", withoutSource)}: upload them again so the store keeps their source.");
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new KnowledgeDataException($"{folder} is not empty: export into a new or empty folder.");

        var postings = Directory.CreateDirectory(Path.Combine(folder, "postings")).FullName;
        var faq = Directory.CreateDirectory(Path.Combine(folder, "faq")).FullName;
        var files = new List<string>();
        var warnings = new List<string>();
        foreach (var posting in knowledge.Postings) files.AddRange(WritePosting(postings, posting, warnings));
        files.AddRange(WriteFaq(faq, knowledge, warnings));
        files.Add(WriteCoverage(faq, knowledge));
        return new ExportReport(Path.GetFullPath(folder), files.Select(f => Path.GetRelativePath(folder, f)).ToList(), warnings);
    }

    private static IEnumerable<string> WritePosting(string folder, Posting posting, List<string> warnings)
    {
        var source = posting.Source!;
        var extension = Path.GetExtension(source.FileName).ToLowerInvariant();
        if (!PostingLoader.UploadExtensions.Contains(extension) && extension != ".md") extension = ".txt";
        var path = Path.Combine(folder, posting.Id + extension);
        File.WriteAllText(path, source.Text, Utf8);
        yield return path;

        // What the document alone gives; the sidecar states only what differs, as an author would write it.
        var bare = PostingLoader.Parse(posting.Id, source.Text, meta: null, extension, path);
        if (!bare.Passages.Select(p => p.Id).SequenceEqual(posting.Passages.Select(p => p.Id)))
            warnings.Add($"posting '{posting.Id}': its document now reads as different passages than the store holds; citations may not match after import");
        var meta = new PostingMetadata
        {
            Title = bare.Title == posting.Title ? null : posting.Title,
            Locations = bare.Locations.SequenceEqual(posting.Locations) ? null : posting.Locations.ToList(),
        };
        if (meta.Title is null && meta.Locations is null) yield break;
        var metaPath = Path.Combine(folder, posting.Id + ".meta.yaml");
        File.WriteAllText(metaPath, Yaml.Serialize(meta), Utf8);
        yield return metaPath;
    }

    private static IEnumerable<string> WriteFaq(string folder, KnowledgeBase knowledge, List<string> warnings)
    {
        // An answer for a posting the store no longer holds is never served, and data/ could not name its posting.
        foreach (var intent in knowledge.Intents)
            foreach (var orphan in intent.Answers.Keys.Where(id => knowledge.FindPosting(id) is null).Order(StringComparer.Ordinal))
                warnings.Add($"intent '{intent.Name}': answer for unknown posting '{orphan}' left out");
        foreach (var group in knowledge.Intents.GroupBy(i => FaqFileName(i.SourceFile)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var file = new FaqFile
            {
                Intents = group.Select(i => new FaqIntent
                {
                    Name = i.Name,
                    Topic = i.Topic,
                    Examples = i.Examples.ToList(),
                    Answers = i.Answers
                        .Where(a => knowledge.FindPosting(a.Key) is not null)
                        .OrderBy(a => a.Key, StringComparer.Ordinal)
                        .ToDictionary(a => a.Key, a => new FaqAnswer { Text = a.Value.Text, Sources = a.Value.SourceIds.ToList() }),
                }).ToList(),
            };
            var path = Path.Combine(folder, group.Key);
            File.WriteAllText(path, Yaml.Serialize(file), Utf8);
            yield return path;
        }
    }

    /// <summary>
    /// The store keeps no list of passages left unanswered on purpose, so it is derived: every passage no answer cites.
    /// That keeps `botshop validate` passing for the exported folder; a reviewer reads the list in the diff.
    /// </summary>
    private static string WriteCoverage(string folder, KnowledgeBase knowledge)
    {
        var coverage = new CoverageFile();
        foreach (var posting in knowledge.Postings)
        {
            var cited = knowledge.Intents
                .SelectMany(i => i.Answers.TryGetValue(posting.Id, out var a) ? a.SourceIds : [])
                .ToHashSet(StringComparer.Ordinal);
            var uncited = posting.Passages.Where(p => !cited.Contains(p.Id)).Select(p => p.Id).ToList();
            if (uncited.Count > 0) coverage.NotAnswered[posting.Id] = uncited;
        }
        var path = Path.Combine(folder, FaqLoader.CoverageFileName);
        File.WriteAllText(path,
            "# Passages no answer cites (derived from the store by `botshop knowledge export`).\n" + Yaml.Serialize(coverage), Utf8);
        return path;
    }

    /// <summary>The intent's own FAQ file when it is a plain *.yaml name, else <see cref="DefaultFaqFile"/>.</summary>
    private static string FaqFileName(string? sourceFile)
    {
        var name = sourceFile is null ? null : Path.GetFileName(sourceFile);
        return name is not null && name == sourceFile && name.EndsWith(".yaml", StringComparison.Ordinal) && name != FaqLoader.CoverageFileName
            ? name
            : DefaultFaqFile;
    }
}

/// <summary>What an export wrote (paths relative to its folder) and what a reviewer should know.</summary>
public sealed record ExportReport(string Folder, IReadOnlyList<string> Files, IReadOnlyList<string> Warnings);
