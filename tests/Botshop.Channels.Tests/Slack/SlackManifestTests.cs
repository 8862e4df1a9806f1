using Botshop.Channels.Slack;
using YamlDotNet.RepresentationModel;

namespace Botshop.Channels.Tests.Slack;

/// <summary>The app manifest a workspace admin installs must promise exactly what the adapter handles.</summary>
public sealed class SlackManifestTests
{
    private static readonly YamlMappingNode Manifest = Load();

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = File.OpenText(SlackTestKit.RepoPath("infra/slack/manifest.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(params string[] path) =>
        path.Aggregate((YamlNode)Manifest, (node, key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    private static string Scalar(params string[] path) => ((YamlScalarNode)At(path)).Value!;
    private static IEnumerable<string> List(params string[] path) => ((YamlSequenceNode)At(path)).Select(n => ((YamlScalarNode)n).Value!);
    private static string PathOf(string url) => new Uri(url.Replace("YOUR-HOST", "example.com")).AbsolutePath;

    [Fact]
    public void Request_urls_point_at_the_adapter_routes()
    {
        Assert.Equal(SlackRoutes.Events, PathOf(Scalar("settings", "event_subscriptions", "request_url")));
        Assert.Equal(SlackRoutes.Interactivity, PathOf(Scalar("settings", "interactivity", "request_url")));
        Assert.Equal("true", Scalar("settings", "interactivity", "is_enabled"));
        Assert.StartsWith("https://YOUR-HOST/", Scalar("settings", "event_subscriptions", "request_url"));
    }

    [Fact]
    public void Ask_is_the_only_slash_command_and_posts_to_the_commands_route()
    {
        var command = (YamlMappingNode)Assert.Single((YamlSequenceNode)At("features", "slash_commands"));
        Assert.Equal(SlackRoutes.AskCommand, ((YamlScalarNode)command[new YamlScalarNode("command")]).Value);
        Assert.Equal(SlackRoutes.Commands, PathOf(((YamlScalarNode)command[new YamlScalarNode("url")]).Value!));
    }

    [Fact]
    public void Events_and_scopes_are_exactly_the_handled_ones()
    {
        Assert.Equal(SlackRoutes.BotEvents.Order(), List("settings", "event_subscriptions", "bot_events").Order());
        Assert.Equal(SlackRoutes.BotScopes.Order(), List("oauth_config", "scopes", "bot").Order());
        Assert.DoesNotContain("message.channels", List("settings", "event_subscriptions", "bot_events"));
    }

    [Fact]
    public void Direct_messages_are_possible()
    {
        Assert.Equal("true", Scalar("features", "app_home", "messages_tab_enabled"));
        Assert.Equal("false", Scalar("features", "app_home", "messages_tab_read_only_enabled"));
        Assert.NotEmpty(Scalar("features", "bot_user", "display_name"));
    }
}
