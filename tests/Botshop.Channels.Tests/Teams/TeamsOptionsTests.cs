using Botshop.Channels.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Botshop.Channels.Tests.Teams;

public sealed class TeamsOptionsTests
{
    [Fact]
    public void Defaults_are_the_public_bot_framework_endpoints_with_auth_off()
    {
        var o = new TeamsOptions();
        Assert.False(o.AuthenticationEnabled);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", o.OpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", o.ResolvedTokenEndpoint);
        o.TenantId = "contoso.onmicrosoft.com";
        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", o.ResolvedTokenEndpoint);
    }

    [Theory]
    [InlineData("OpenIdMetadataUrl", "http://login.example.com/meta")]
    [InlineData("TokenEndpoint", "http://10.1.2.3/token")]
    [InlineData("AllowedServiceUrls:0", "http://smba.trafficmanager.net/amer/")]
    [InlineData("OpenIdMetadataUrl", "not a url")]
    public void Plain_http_to_a_non_loopback_host_fails_at_start(string key, string value)
    {
        using var services = Build(new() { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TeamsOptions>>().Value);
        Assert.Contains("Teams:" + key.Split(':')[0], error.Message);
    }

    [Fact]
    public void App_id_without_password_fails_at_start()
    {
        using var services = Build(new() { ["AppId"] = "app" });
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TeamsOptions>>().Value);
    }

    [Fact]
    public void Loopback_http_and_configuration_binding_work()
    {
        using var services = Build(new()
        {
            ["AppId"] = "app",
            ["AppPassword"] = "pw",
            ["OpenIdMetadataUrl"] = "http://127.0.0.1:5000/meta",
            ["TokenEndpoint"] = "http://localhost:5001/token",
            ["AllowedServiceUrls:0"] = "https://smba.trafficmanager.net/amer/",
        });
        var o = services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        Assert.True(o.AuthenticationEnabled);
        Assert.Equal(["https://smba.trafficmanager.net/amer/"], o.AllowedServiceUrls);
        Assert.Equal("http://localhost:5001/token", o.ResolvedTokenEndpoint);
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(kv => "Teams:" + kv.Key, kv => kv.Value))
            .Build().GetSection("Teams");
        return new ServiceCollection().AddLogging().AddTeamsChannel(section).BuildServiceProvider();
    }
}
