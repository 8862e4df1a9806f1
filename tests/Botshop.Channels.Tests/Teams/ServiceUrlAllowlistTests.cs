using Botshop.Channels.Teams;

namespace Botshop.Channels.Tests.Teams;

public sealed class ServiceUrlAllowlistTests
{
    private static readonly string[] Prefixes = ["https://smba.trafficmanager.net/amer", "https://europe.botframework.com/"];

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://SMBA.trafficmanager.net/amer/x/", true)]
    [InlineData("https://smba.trafficmanager.net/amer", true)]
    [InlineData("https://europe.botframework.com/anything/", true)]
    [InlineData("https://smba.trafficmanager.net/americas/", false)]
    [InlineData("https://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/", false)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net:8443/amer/", false)]
    [InlineData("not a url", false)]
    public void Prefixes_match_by_scheme_host_port_and_whole_path_segments(string serviceUrl, bool allowed) =>
        Assert.Equal(allowed, ServiceUrlAllowlist.IsAllowed(serviceUrl, Prefixes));

    [Theory]
    [InlineData("https://anything.example/", true)]
    [InlineData("http://localhost:56150/_connector", true)]
    [InlineData("http://192.168.1.5/", false)]
    public void Empty_allowlist_admits_https_and_loopback_http_only(string serviceUrl, bool allowed) =>
        Assert.Equal(allowed, ServiceUrlAllowlist.IsAllowed(serviceUrl, []));
}
