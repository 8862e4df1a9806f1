using Botshop.Channels.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Botshop.Channels.Tests.Slack;

public sealed class SlackServiceRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSlackChannel(configuration.GetSection(SlackOptions.SectionName)).BuildServiceProvider();
    }

    [Fact]
    public void Configuration_section_binds_secrets_and_channel_bindings()
    {
        using var services = Build(new()
        {
            ["Slack:SigningSecret"] = "s3cret",
            ["Slack:BotToken"] = "xoxb-1",
            ["Slack:ChannelPostings:C0123"] = "research-intern-london",
        });
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        Assert.True(options.IsEnabled);
        Assert.Equal("https://slack.com/api", options.ApiBaseUrl);
        Assert.Equal("research-intern-london", options.ChannelPostings["C0123"]);
        Assert.NotNull(services.GetRequiredService<SlackEventParser>());
        Assert.NotNull(services.GetRequiredService<SlackCommandParser>());
        Assert.NotNull(services.GetRequiredService<SlackInteractionParser>());
        Assert.NotNull(services.GetRequiredService<SlackBlockKitRenderer>());
        Assert.NotNull(services.GetRequiredService<SlackSignatureVerifier>());
    }

    [Fact]
    public void Without_a_signing_secret_the_channel_is_off_and_valid()
    {
        using var services = Build(new());
        Assert.False(services.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled);
    }

    [Fact]
    public void Secret_without_bot_token_is_refused()
    {
        using var services = Build(new() { ["Slack:SigningSecret"] = "s3cret" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlackOptions>>().Value);
        Assert.Contains("Slack:BotToken", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Theory]
    [InlineData("Slack:ApiBaseUrl", "slack.com/api")]
    [InlineData("Slack:MaxRetries", "0")]
    [InlineData("Slack:RetryBaseDelay", "-00:00:01")]
    public void Nonsense_settings_are_refused(string key, string value)
    {
        using var services = Build(new() { [key] = value });
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlackOptions>>().Value);
    }
}
