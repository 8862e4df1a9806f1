using Botshop.Core.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Models;

/// <summary>
/// /admin/models/jobs/{id}: a training job's progress. While it runs the page asks the browser to reload it every
/// two seconds (a Refresh header, no script); /admin/api/models/jobs/{id} serves the same as JSON.
/// </summary>
public sealed class JobModel(ITrainingJobStore jobs, IModelStore models) : PageModel
{
    public TrainingJob Job { get; private set; } = null!;
    public ModelVersion? Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var job = await jobs.GetAsync(id, ct);
        if (job is null) return NotFound();
        Job = job;
        if (job.ModelVersionId is { } versionId) Version = (await models.GetAsync(versionId, ct))?.Version;
        if (!job.IsFinished) Response.Headers.Append("Refresh", "2");
        return Page();
    }
}
