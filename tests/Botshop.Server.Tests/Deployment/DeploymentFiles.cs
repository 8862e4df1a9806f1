using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Botshop.Server.Tests.Deployment;

/// <summary>Reads the files under infra/ and the docs the way their tools would, enough to check them against the code.</summary>
public static partial class DeploymentFiles
{
    public static readonly string Root = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static YamlMappingNode Yaml(string relative)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(PathOf(relative));
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    public static YamlNode? Child(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static YamlNode At(this YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => n.Child(key) ?? throw new KeyNotFoundException($"no '{key}' in {string.Join('.', path)}"));

    public static string Text(this YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => node as YamlSequenceNode ?? Enumerable.Empty<YamlNode>();

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode? node) =>
        node is YamlMappingNode map ? map.Children.Select(c => (c.Key.Text(), c.Value)) : [];

    /// <summary>Dockerfile instructions with their continuation lines joined: (INSTRUCTION, arguments).</summary>
    public static IReadOnlyList<(string Instruction, string Arguments)> Dockerfile(string relative)
    {
        var instructions = new List<(string, string)>();
        var pending = "";
        foreach (var raw in File.ReadAllLines(PathOf(relative)))
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#'))) continue;
            pending += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (line.EndsWith('\\')) continue;
            var space = pending.IndexOf(' ');
            instructions.Add((pending[..space].ToUpperInvariant(), pending[(space + 1)..].Trim()));
            pending = "";
        }
        return instructions;
    }

    /// <summary>Every leaf of a JSON settings file as a configuration key (Section:Key).</summary>
    public static IEnumerable<string> JsonSettingKeys(string relative)
    {
        static IEnumerable<string> Leaves(JsonNode? node, string prefix) => node switch
        {
            JsonObject o => o.SelectMany(p => Leaves(p.Value, prefix.Length == 0 ? p.Key : prefix + ":" + p.Key)),
            JsonArray a => a.SelectMany((item, i) => Leaves(item, prefix + ":" + i)),
            _ => [prefix],
        };
        return Leaves(JsonNode.Parse(File.ReadAllText(PathOf(relative))), "");
    }

    /// <summary>
    /// Configuration keys a markdown file names in backticks (Section:Key, Section__Key; a placeholder segment such as
    /// &lt;channel id&gt; becomes "x"). With <paramref name="tablesOnly"/>, only the first cell of table rows counts.
    /// </summary>
    public static IEnumerable<string> MarkdownKeys(string relative, bool tablesOnly)
    {
        var lines = File.ReadAllLines(PathOf(relative));
        var text = tablesOnly
            ? string.Join('\n', lines.Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => l.Split(" |")[0]))
            : string.Join('\n', lines);
        return Backticked().Matches(text).Select(m => m.Groups[1].Value)
            .Where(s => ConfigurationKey().IsMatch(s))
            .Select(s => Placeholder().Replace(s.Replace("__", ":", StringComparison.Ordinal), "x"));
    }

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*(?:(?::|__)(?:[A-Za-z0-9]+|<[^>]+>))+$")]
    private static partial Regex ConfigurationKey();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Placeholder();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Botshop.sln"))) return dir.FullName;
        throw new InvalidOperationException("Botshop.sln not found above " + AppContext.BaseDirectory);
    }
}
