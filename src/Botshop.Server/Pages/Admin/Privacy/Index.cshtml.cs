using Botshop.Core.Privacy;
using Botshop.Hosting;
using Botshop.Hosting.Privacy;
using Botshop.Storage.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Pages.Admin.Privacy;

/// <summary>The privacy settings in force and the last retention purge, for recruiters to check.</summary>
public sealed class IndexModel(
    RedactionSettings redaction,
    IOptions<PrivacyOptions> privacy,
    IOptions<BotshopHostingOptions> hosting,
    RetentionRunner retention) : PageModel
{
    public bool RedactionOn => redaction.Enabled;
    public PrivacyOptions Settings => privacy.Value;
    public bool HashKeyConfigured => !string.IsNullOrWhiteSpace(hosting.Value.UserHashKey);
    public MaintenanceRun? LastPurge { get; private set; }
    public DateTimeOffset Cutoff { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        LastPurge = await retention.LastRunAsync(ct);
        Cutoff = retention.Cutoff();
    }
}
