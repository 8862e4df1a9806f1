using System.Text.RegularExpressions;
using System.Xml.Linq;
using Botshop.Server.Health;
using static Botshop.Server.Tests.Deployment.DeploymentFiles;

namespace Botshop.Server.Tests.Deployment;

/// <summary>
/// There is no container engine here, so the deployment files are checked the way their tools would read them:
/// they parse, name one port and the server's health paths throughout, and set only configuration keys the
/// server reads; the operations guide documents every key the server reads.
/// </summary>
public sealed partial class DeploymentTests
{
    private const string DockerfilePath = "infra/Dockerfile";
    private static readonly Lazy<KnownConfiguration> Known = new(() => KnownConfiguration.FromCode(Root));

    /// <summary>The port the image's server listens on: the one every other file must use.</summary>
    private static int ContainerPort()
    {
        var expose = Assert.Single(Dockerfile(DockerfilePath), i => i.Instruction == "EXPOSE");
        return int.Parse(expose.Arguments);
    }

    [Fact]
    public void Dockerfile_builds_on_the_sdk_runs_unprivileged_and_listens_checks_health_and_exposes_one_port()
    {
        var instructions = Dockerfile(DockerfilePath);
        var port = ContainerPort();

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0 AS build", "mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"],
            instructions.Where(i => i.Instruction == "FROM").Select(i => i.Arguments));
        var urls = Assert.Single(EnvironmentOf(instructions), e => e.Key == "Urls").Value;
        Assert.Equal(port, new Uri(urls.Replace("+", "0.0.0.0", StringComparison.Ordinal)).Port);
        var healthcheck = Assert.Single(instructions, i => i.Instruction == "HEALTHCHECK").Arguments;
        Assert.Contains($"/dev/tcp/127.0.0.1/{port} ", healthcheck);
        Assert.Contains($"GET {HealthEndpoints.LivePath} HTTP/1.1", healthcheck);
        var lastUser = instructions.Last(i => i.Instruction == "USER").Arguments;
        Assert.True(lastUser is "$APP_UID" or "app", $"the server runs as {lastUser}");
        Assert.Contains(instructions, i => i.Instruction == "COPY" && i.Arguments == "data/ ./data/");
        Assert.Contains(EnvironmentOf(instructions), e => e.Key == "Botshop__DataPath" && e.Value == "/app/data");
    }

    [Fact]
    public void Dockerfile_restores_every_project_the_server_is_built_from()
    {
        var copied = Dockerfile(DockerfilePath).Where(i => i.Instruction == "COPY").Select(i => i.Arguments.Split(' ')[0]).ToHashSet();

        var projects = ProjectClosure("src/Botshop.Server/Botshop.Server.csproj");

        Assert.True(projects.Count >= 7, string.Join(", ", projects));
        Assert.All(projects, p => Assert.Contains(p, copied));
    }

    [Fact]
    public void Compose_runs_postgres_two_replicas_of_the_image_and_a_proxy_routing_to_both()
    {
        var services = Yaml("infra/compose.yaml").At("services");
        var port = ContainerPort();

        var replicas = services.Entries().Where(s => s.Value.Child("image")?.Text().StartsWith("botshop-server") == true).ToList();
        Assert.Equal(2, replicas.Count);
        Assert.All(replicas, r =>
        {
            Assert.Contains(port.ToString(), r.Value.Child("expose").Items().Select(x => x.Text()));
            Assert.Equal("postgres", r.Value.At("environment", "Database__Provider").Text());
            Assert.Contains("Host=postgres;", r.Value.At("environment", "ConnectionStrings__Botshop").Text());
            Assert.Equal("service_healthy", r.Value.At("depends_on", "postgres", "condition").Text());
        });
        Assert.Contains(replicas, r => r.Value.At("build", "dockerfile").Text() == "Dockerfile"
            || Path.GetFullPath(Path.Combine(PathOf("infra"), r.Value.At("build", "context").Text(), r.Value.At("build", "dockerfile").Text())) == PathOf(DockerfilePath));
        Assert.StartsWith("postgres:", services.At("postgres", "image").Text());

        var proxy = Assert.Single(services.Entries(), s => s.Value.Child("image")?.Text().StartsWith("nginx:") == true).Value;
        var mount = Assert.Single(proxy.At("volumes").Items(), v => v.Text().Contains("/etc/nginx/conf.d/")).Text();
        var upstreams = NginxUpstreams(Path.GetFullPath(Path.Combine(PathOf("infra"), mount.Split(':')[0])));
        Assert.Equal(replicas.Select(r => $"{r.Key}:{port}").Order(), upstreams.Order());
    }

    [Fact]
    public void Kubernetes_probes_ports_and_secrets_match_the_server()
    {
        var deployment = Yaml("infra/k8s/deployment.yaml");
        var container = Assert.Single(deployment.At("spec", "template", "spec", "containers").Items());
        var containerPort = Assert.Single(container.At("ports").Items());
        var portName = containerPort.At("name").Text();

        Assert.Equal(ContainerPort().ToString(), containerPort.At("containerPort").Text());
        Assert.Equal(HealthEndpoints.ReadyPath, container.At("readinessProbe", "httpGet", "path").Text());
        Assert.Equal(HealthEndpoints.LivePath, container.At("livenessProbe", "httpGet", "path").Text());
        Assert.Equal(portName, container.At("readinessProbe", "httpGet", "port").Text());
        Assert.Equal(portName, container.At("livenessProbe", "httpGet", "port").Text());
        Assert.Equal(portName, Assert.Single(Yaml("infra/k8s/service.yaml").At("spec", "ports").Items()).At("targetPort").Text());
        Assert.Equal(deployment.At("spec", "selector", "matchLabels").Entries().Select(e => e.Key + "=" + e.Value.Text()),
            Yaml("infra/k8s/service.yaml").At("spec", "selector").Entries().Select(e => e.Key + "=" + e.Value.Text()));

        var secret = Yaml("infra/k8s/secret.example.yaml");
        var secretKeys = secret.At("stringData").Entries().Select(e => e.Key).ToHashSet();
        var references = container.At("env").Items().Select(e => e.Child("valueFrom")?.Child("secretKeyRef")).OfType<YamlDotNet.RepresentationModel.YamlNode>().ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            Assert.Equal(secret.At("metadata", "name").Text(), r.At("name").Text());
            Assert.Contains(r.At("key").Text(), secretKeys);
        });
        foreach (var file in Yaml("infra/k8s/kustomization.yaml").At("resources").Items())
            Assert.True(File.Exists(PathOf("infra/k8s/" + file.Text())), file.Text());
    }

    [Fact]
    public void Every_configuration_key_the_deployment_files_and_docs_name_is_one_the_server_reads()
    {
        var named = DeploymentKeys()
            .Concat(JsonSettingKeys("src/Botshop.Server/appsettings.json").Select(k => ("server appsettings.json", k)))
            .Concat(JsonSettingKeys("src/Botshop.Cli/appsettings.json").Select(k => ("CLI appsettings.json", k)))
            .Concat(MarkdownKeys("docs/operations.md", tablesOnly: false).Select(k => ("docs/operations.md", k)))
            .Concat(MarkdownKeys("README.md", tablesOnly: true).Select(k => ("README.md", k)))
            .ToList();

        Assert.Contains(named, n => n.Item1 == "docs/operations.md");
        var unknown = named.Where(n => !Known.Value.Knows(n.Item2)).Select(n => $"{n.Item1}: {n.Item2}").Distinct().ToList();
        Assert.True(unknown.Count == 0, "named but never read by the server: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Operations_guide_documents_every_configuration_key_the_server_reads()
    {
        var documented = MarkdownKeys("docs/operations.md", tablesOnly: true).ToList();

        var missing = Known.Value.Keys.Concat(Known.Value.OpenSections)
            .Where(k => !documented.Any(d => d.Equals(k, StringComparison.OrdinalIgnoreCase) || d.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase)))
            .Order().ToList();

        Assert.True(missing.Count == 0, "docs/operations.md does not document: " + string.Join(", ", missing));
    }

    /// <summary>The configuration keys the image, compose and Kubernetes set for the server, with where each was found.</summary>
    private static IEnumerable<(string, string)> DeploymentKeys()
    {
        foreach (var (key, _) in EnvironmentOf(Dockerfile(DockerfilePath))) yield return (DockerfilePath, key);
        foreach (var (_, service) in Yaml("infra/compose.yaml").At("services").Entries())
            if (service.Child("image")?.Text().StartsWith("botshop-server") == true)
                foreach (var (key, _) in service.Child("environment").Entries()) yield return ("infra/compose.yaml", key);
        foreach (var container in Yaml("infra/k8s/deployment.yaml").At("spec", "template", "spec", "containers").Items())
            foreach (var variable in container.Child("env").Items()) yield return ("infra/k8s/deployment.yaml", variable.At("name").Text());
        foreach (var (key, _) in Yaml("infra/k8s/secret.example.yaml").At("stringData").Entries()) yield return ("infra/k8s/secret.example.yaml", key);
    }

    private static IEnumerable<(string Key, string Value)> EnvironmentOf(IEnumerable<(string Instruction, string Arguments)> instructions) =>
        instructions.Where(i => i.Instruction == "ENV")
            .SelectMany(i => EnvAssignment().Matches(i.Arguments))
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim('"')));

    [GeneratedRegex("""([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)""")]
    private static partial Regex EnvAssignment();

    /// <summary>host:port of each server in nginx's upstream, checking proxy_pass names that upstream.</summary>
    private static IReadOnlyList<string> NginxUpstreams(string confPath)
    {
        var conf = File.ReadAllText(confPath);
        var upstream = NginxUpstream().Match(conf);
        Assert.True(upstream.Success, "no upstream block in " + confPath);
        Assert.Contains($"proxy_pass http://{upstream.Groups[1].Value};", conf);
        return NginxServer().Matches(upstream.Groups[2].Value).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"upstream\s+(\w+)\s*\{([^}]*)\}")]
    private static partial Regex NginxUpstream();

    [GeneratedRegex(@"^\s*server\s+([\w.-]+:\d+)", RegexOptions.Multiline)]
    private static partial Regex NginxServer();

    /// <summary>The project and every project it references, transitively, as repository-relative paths.</summary>
    private static IReadOnlySet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current)) continue;
            var folder = Path.GetDirectoryName(PathOf(current))!;
            foreach (var reference in XDocument.Load(PathOf(current)).Descendants("ProjectReference"))
                pending.Push(Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value))));
        }
        return found;
    }
}
