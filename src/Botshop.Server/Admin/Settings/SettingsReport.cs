using System.Globalization;
using Botshop.Channels.Slack;
using Botshop.Channels.Teams;
using Botshop.Core.Privacy;
using Botshop.Hosting.Accounts;
using Botshop.Hosting.Models;
using Botshop.Hosting.Privacy;
using Botshop.Storage;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Admin.Settings;

/// <summary>One setting in force, with the key that sets it.</summary>
public sealed record SettingLine(string Name, string Value, string Key);

/// <summary>
/// The settings in force, for admins to read. Only an allow-list of values is shown: never a connection string,
/// token, secret or password, not even masked.
/// </summary>
public sealed class SettingsReport(
    RedactionSettings redaction,
    IOptions<PrivacyOptions> privacy,
    IOptions<ModelsOptions> models,
    BotshopDatabase database,
    IOptions<AdminOptions> admin,
    IOptions<SlackOptions> slack,
    IOptions<TeamsOptions> teams)
{
    public IReadOnlyList<SettingLine> Lines()
    {
        var a = admin.Value;
        var p = privacy.Value;
        var m = models.Value;
        var lines = new List<SettingLine>
        {
            new("Redaction of emails, phone numbers and long numbers", redaction.Enabled ? "on" : "off", "Privacy:Redaction"),
            new("Database", database.Provider, "Database:Provider"),
            new("Conversations kept for", $"{p.RetentionDays} days", "Privacy:RetentionDays"),
            new("Retention purge runs every", p.PurgeInterval.ToString("c", CultureInfo.InvariantCulture), "Privacy:PurgeInterval"),
            new("Failed sign-ins before a lockout", a.LockoutAttempts.ToString(CultureInfo.InvariantCulture), "Admin:LockoutAttempts"),
            new("Lockout", $"{a.LockoutMinutes} minutes", "Admin:LockoutMinutes"),
            new("Low confidence below", a.LowConfidence.ToString("0.##", CultureInfo.InvariantCulture), "Admin:LowConfidence"),
            new("Bootstrap admin", string.IsNullOrWhiteSpace(a.BootstrapUser) ? "not configured" : "configured", "Admin:BootstrapUser"),
            new("Slack", slack.Value.IsEnabled ? "on" : "off", "Slack:SigningSecret"),
            new("Teams", teams.Value.AuthenticationEnabled ? "on (Bot Framework tokens checked)" : "loopback only (no app id)", "Teams:AppId"),
        };
        lines.Add(new("Model gate tolerance", m.RegressionTolerance.ToString("0.###", CultureInfo.InvariantCulture), "Models:RegressionTolerance"));
        lines.Add(new("Scheduled retraining", m.RetrainEvery is { } every ? "every " + every.ToString("c", CultureInfo.InvariantCulture) : "off", "Models:RetrainEvery"));
        return lines;
    }
}
