using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Admin;

[Collection(AdminServerCollection.Name)]
public sealed class SettingsPageTests(AdminServerFixture fixture)
{
    [Fact]
    public async Task Settings_in_force_are_shown_and_nothing_secret()
    {
        using var admin = await AdminSession.SignInAsync(fixture.Server);
        using var response = await admin.Client.GetAsync("admin/settings");
        var html = await response.Content.ReadAsStringAsync();
        var page = AdminSession.Parse(html);
        string? Value(string key) => page.QuerySelector($"tr[data-key='{key}'] .value")?.TextContent;

        Assert.Equal("on", Value("Privacy:Redaction"));
        Assert.Equal("sqlite", Value("Database:Provider"));
        Assert.Equal("180 days", Value("Privacy:RetentionDays"));
        Assert.Equal("01:00:00", Value("Privacy:PurgeInterval"));
        Assert.Equal("0.01", Value("Models:RegressionTolerance"));
        Assert.Equal("off", Value("Models:RetrainEvery"));
        Assert.Equal(AdminServerFixture.LockoutAttempts.ToString(), Value("Admin:LockoutAttempts"));
        Assert.Equal("1 minutes", Value("Admin:LockoutMinutes"));
        Assert.Equal("off", Value("Slack:SigningSecret"));
        Assert.DoesNotContain(AdminSession.AdminPassword, html);
        Assert.DoesNotContain(fixture.Server.DatabaseFile, html);
        Assert.DoesNotContain(TrainedTemplate.UserHashKey, html);
    }
}
