using Botshop.Core.Knowledge;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Botshop.Knowledge.Faq;

/// <summary>Reads every *.yaml file in the FAQ folder (coverage.yaml apart) into intents, remembering each one's file.</summary>
public static class FaqLoader
{
    public const string CoverageFileName = "coverage.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static FaqData LoadFolder(string folder)
    {
        if (!Directory.Exists(folder)) throw new KnowledgeDataException($"FAQ folder not found: {folder}");
        var intents = new List<(FaqIntent Intent, string File)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path) == CoverageFileName) continue;
            var file = Read<FaqFile>(path);
            intents.AddRange(file.Intents.Select(i => (i, Path.GetFileName(path))));
        }
        var coveragePath = Path.Combine(folder, CoverageFileName);
        var coverage = File.Exists(coveragePath) ? Read<CoverageFile>(coveragePath) : new CoverageFile();
        return new FaqData(intents, coverage);
    }

    private static T Read<T>(string path) where T : new()
    {
        try
        {
            return Yaml.Deserialize<T>(File.ReadAllText(path)) ?? new T();
        }
        catch (YamlException e)
        {
            throw new KnowledgeDataException($"{path}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }
        catch (IOException e)
        {
            throw new KnowledgeDataException($"{path}: cannot read: {e.Message}", e);
        }
    }
}

/// <summary>The FAQ folder as read: intents with the file each came from, and the coverage exclusions.</summary>
public sealed record FaqData(IReadOnlyList<(FaqIntent Intent, string File)> Intents, CoverageFile Coverage)
{
    public IReadOnlyList<Intent> ToIntents() => Intents
        .Select(x => new Intent(
            x.Intent.Name.Trim(),
            x.Intent.Topic.Trim(),
            x.Intent.Examples.Select(e => e.Trim()).Where(e => e.Length > 0).ToList(),
            x.Intent.Answers.ToDictionary(
                a => a.Key,
                a => new PostingAnswer(a.Value.Text.Trim(), a.Value.Sources.Select(s => s.Trim()).ToList())))
        { SourceFile = x.File })
        .ToList();
}
