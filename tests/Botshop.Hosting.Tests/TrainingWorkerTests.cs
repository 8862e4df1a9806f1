using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Hosting.Models;
using Botshop.Hosting.Tests.Infrastructure;

namespace Botshop.Hosting.Tests;

/// <summary>Two replicas' workers over one store, on each engine: a job is trained once, by one of them.</summary>
public abstract class TrainingWorkerTests<TStore> where TStore : ProcessStore, new()
{
    [Fact]
    public async Task Of_two_replicas_offered_one_job_exactly_one_trains_it_and_serves_the_result()
    {
        await using var store = new TStore();
        await using var first = await BotProcess.StartAsync(store);
        await using var second = await BotProcess.StartAsync(store);
        await first.Get<IKnowledgeStore>().ImportAsync(RealData.Small(), default);
        var (job, _) = await first.Get<TrainingRequests>().RequestAsync("ana", default);

        var runs = await Task.WhenAll(new[] { first, second }.Select(p => Task.Run(() => p.Get<TrainingJobProcessor>().RunNextAsync(default))));

        var ran = Assert.Single(runs, r => r is not null)!;
        Assert.Equal((job.Id, TrainingJobStatus.Promoted), (ran.Id, ran.Status));
        var version = Assert.Single(await first.Get<IModelStore>().ListAsync(default));
        Assert.Equal((ran.ModelVersionId, true, "ana"), (version.Id, version.IsActive, version.CreatedBy));
        var (winner, loser) = runs[0] is not null ? (first, second) : (second, first);
        Assert.Equal(winner.Get<TrainingJobProcessor>().Worker, ran.Worker);
        Assert.Equal(version.Id.ToString(), winner.Get<LiveModel>().Current?.Version);
        Assert.Null(loser.Get<LiveModel>().Current); // the other replica learns of it through the store, not from this process
        var audit = await first.Get<IAuditLog>().RecentAsync(10, null, default);
        Assert.Equal(["model.promote", "model.train", "training.request"], audit.Select(a => a.Action));
    }
}

public sealed class SqliteTrainingWorkerTests : TrainingWorkerTests<SqliteStore>;
public sealed class PostgresTrainingWorkerTests : TrainingWorkerTests<PostgresStore>;
