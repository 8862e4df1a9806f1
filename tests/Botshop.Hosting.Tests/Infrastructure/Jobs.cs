using Botshop.Core.Models;
using Botshop.Hosting.Models;

namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>Retraining as the "Retrain now" button does it: request a job, then let this process's worker run it.</summary>
public static class Jobs
{
    public static async Task<TrainingJob> RetrainAsync(this BotProcess process, string actor = "ana")
    {
        var (job, _) = await process.Get<TrainingRequests>().RequestAsync(actor, default);
        var ran = await process.Get<TrainingJobProcessor>().RunNextAsync(default);
        Assert.NotNull(ran);
        Assert.Equal(job.Id, ran.Id);
        return ran;
    }

    public static async Task<ModelVersion> VersionAsync(this BotProcess process, long id) =>
        (await process.Get<IModelStore>().GetAsync(id, default))!.Value.Version;
}
