using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Botshop.Server.Composition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Tests.Deployment;

/// <summary>
/// The configuration keys the server reads, found from its code rather than listed by hand. The server's own
/// composition root runs against a configuration that records every key looked up: while it registers (keys read
/// directly), and while each of our options classes is bound, which tells the section each class is bound from; the
/// keys in that section are the class's settable properties (collections take any key below them). Keys read
/// directly elsewhere (configuration["…"], GetValue("…"), GetConnectionString("…")) are found in the sources.
/// </summary>
public sealed partial class KnownConfiguration
{
    // The framework's own keys that deployment files set: the URL the server listens on and the logging section.
    private static readonly string[] FrameworkKeys = [WebHostDefaults.ServerUrlsKey, "AllowedHosts"];
    private static readonly string[] FrameworkSections = ["Logging", "Kestrel"];
    private static readonly string[] FrameworkVariablePrefixes = ["ASPNETCORE_", "DOTNET_"];

    private KnownConfiguration(IReadOnlySet<string> keys, IReadOnlySet<string> openSections)
    {
        Keys = keys;
        OpenSections = openSections;
    }

    /// <summary>Keys our code reads (Section:Key, case-insensitive as configuration is).</summary>
    public IReadOnlySet<string> Keys { get; }

    /// <summary>Sections of ours whose children are named by the operator (Slack:ChannelPostings:&lt;channel&gt;).</summary>
    public IReadOnlySet<string> OpenSections { get; }

    public static KnownConfiguration FromCode(string repositoryRoot)
    {
        var recorder = new RecordingSource();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        ((IConfigurationBuilder)builder.Configuration).Add(recorder);
        builder.AddBotshopServer();
        var keys = new HashSet<string>(recorder.TakeReads(), StringComparer.OrdinalIgnoreCase);
        keys.UnionWith(DirectReadsIn(Path.Combine(repositoryRoot, "src")));
        var open = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        using var services = builder.Services.BuildServiceProvider();
        foreach (var type in OurOptionsTypes(builder.Services))
        {
            _ = ((IOptions<object>)Activator.CreateInstance(typeof(OptionsBox<>).MakeGenericType(type), services)!).Value;
            var reads = recorder.TakeReads();
            // A section absent from every source is read once, as a value, and its properties never probed.
            var sections = SectionsBoundTo(type, reads).ToList();
            foreach (var section in sections.Count > 0 ? sections : reads.Distinct()) AddProperties(type, section, keys, open);
        }
        return new KnownConfiguration(keys, open);
    }

    /// <summary>Whether a key named in a file (Section:Key, or Section__Key as an environment variable) is one the server reads.</summary>
    public bool Knows(string key)
    {
        if (FrameworkVariablePrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))) return true;
        var normalised = key.Replace("__", ":", StringComparison.Ordinal);
        if (FrameworkKeys.Contains(normalised, StringComparer.OrdinalIgnoreCase)) return true;
        if (FrameworkSections.Any(s => normalised.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))) return true;
        if (Keys.Contains(normalised)) return true;
        return OpenSections.Contains(normalised)
            || OpenSections.Any(s => normalised.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<Type> OurOptionsTypes(IServiceCollection services) => services
        .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
        .Select(d => d.ServiceType.GetGenericArguments()[0])
        .Where(t => t.Assembly.GetName().Name!.StartsWith("Botshop.", StringComparison.Ordinal))
        .Distinct();

    /// <summary>The sections a type was bound from: where the binder asked for its properties by name.</summary>
    private static IEnumerable<string> SectionsBoundTo(Type type, IReadOnlyList<string> reads) =>
        Settable(type).SelectMany(p => reads.Where(r => r.EndsWith(":" + p.Name, StringComparison.OrdinalIgnoreCase))
                .Select(r => r[..^(p.Name.Length + 1)]))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static void AddProperties(Type type, string section, HashSet<string> keys, HashSet<string> open)
    {
        foreach (var property in Settable(type))
        {
            var key = section + ":" + property.Name;
            var kind = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(kind)) keys.Add(key);
            else if (typeof(System.Collections.IEnumerable).IsAssignableFrom(kind)) open.Add(key);
            else AddProperties(kind, key, keys, open);
        }
    }

    private static IEnumerable<System.Reflection.PropertyInfo> Settable(Type type) =>
        type.GetProperties().Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);

    private static IEnumerable<string> DirectReadsIn(string sources) =>
        Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => DirectRead().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups["connection"].Success ? "ConnectionStrings:" + m.Groups["connection"].Value : m.Groups["key"].Value);

    [GeneratedRegex("""(?:[Cc]onfiguration\[\s*"(?<key>[^"]+)"\s*\]|\bGetValue(?:<[^>]*>)?\(\s*"(?<key>[^"]+)"|\bGetConnectionString\(\s*"(?<connection>[^"]+)"\s*\))""")]
    private static partial Regex DirectRead();

    /// <summary>IOptions&lt;T&gt;.Value for a type known at run time.</summary>
    private sealed class OptionsBox<T>(IServiceProvider services) : IOptions<object> where T : class
    {
        public object Value => services.GetRequiredService<IOptions<T>>().Value;
    }

    /// <summary>A configuration source that holds nothing and writes down every key asked of it.</summary>
    private sealed class RecordingSource : ConfigurationProvider, IConfigurationSource
    {
        private readonly ConcurrentQueue<string> _reads = new();

        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

        /// <summary>The keys read since the last call.</summary>
        public IReadOnlyList<string> TakeReads()
        {
            var taken = new List<string>();
            while (_reads.TryDequeue(out var key)) taken.Add(key);
            return taken;
        }

        public override bool TryGet(string key, out string? value)
        {
            _reads.Enqueue(key);
            value = null;
            return false;
        }
    }
}
