using Botshop.Core.Models;
using Botshop.Hosting.Models;
using Botshop.Server.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Models;

/// <summary>/admin/models: the versions with their metrics and gate verdicts, quality over versions, retrain and roll back.</summary>
public sealed class IndexModel(IModelStore models, ITrainingJobStore jobs, TrainingRequests requests) : PageModel
{
    public IReadOnlyList<ModelVersion> Versions { get; private set; } = [];
    public IReadOnlyList<TrainingJob> Jobs { get; private set; } = [];
    public ModelVersion? Previous { get; private set; }
    public QualityChart Chart { get; private set; } = QualityChart.Build([]);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Versions = await models.ListAsync(ct);
        Jobs = await jobs.RecentAsync(5, ct);
        Previous = await models.PreviousActiveAsync(ct);
        Chart = QualityChart.Build(Versions);
    }

    /// <summary>"Retrain now": queues a job (or finds the one already waiting) and shows its progress.</summary>
    public async Task<IActionResult> OnPostRetrainAsync(CancellationToken ct)
    {
        var (job, _) = await requests.RequestAsync(User.Identity!.Name!, ct);
        return Redirect($"/admin/models/jobs/{job.Id}");
    }
}
