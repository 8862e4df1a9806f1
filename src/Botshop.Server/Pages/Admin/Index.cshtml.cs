using Botshop.Core.Answering;
using Botshop.Hosting.Accounts;
using Botshop.Storage.Conversations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Pages.Admin;

/// <summary>The workspace's front page: last week's numbers and the way into each area.</summary>
public sealed class IndexModel(OverviewQuery overview, LiveModel model, IOptions<AdminOptions> options, TimeProvider time) : PageModel
{
    public const int PeriodDays = 7;

    public WorkspaceOverview Overview { get; private set; } = null!;
    public string? ActiveModelVersion { get; private set; }
    public double LowConfidence => options.Value.LowConfidence;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overview = await overview.GetAsync(time.GetUtcNow().AddDays(-PeriodDays), options.Value.LowConfidence, ct);
        ActiveModelVersion = model.Current?.Version;
    }
}
