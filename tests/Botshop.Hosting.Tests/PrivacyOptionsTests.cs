using Botshop.Hosting.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Tests;

public class PrivacyOptionsTests
{
    [Fact]
    public void Defaults_keep_messages_180_days_and_look_hourly()
    {
        var options = Bind([]);

        Assert.Equal((180, TimeSpan.FromHours(1)), (options.RetentionDays, options.PurgeInterval));
    }

    [Theory]
    [InlineData("Privacy:RetentionDays", "0", "Privacy:RetentionDays must be between 1 and 36500 (it is 0).")]
    [InlineData("Privacy:RetentionDays", "40000", "Privacy:RetentionDays must be between 1 and 36500 (it is 40000).")]
    [InlineData("Privacy:PurgeInterval", "00:00:00", "Privacy:PurgeInterval must be between 00:00:01 and 7.00:00:00 (it is 00:00:00).")]
    public void A_setting_out_of_range_is_refused_with_its_name_and_value(string key, string value, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        Assert.Equal(message, Assert.Single(error.Failures));
    }

    private static PrivacyOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddBotshopPrivacy(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<PrivacyOptions>>().Value;
    }
}
