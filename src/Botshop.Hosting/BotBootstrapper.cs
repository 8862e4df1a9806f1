using Botshop.Core.Knowledge;
using Botshop.Knowledge;
using Botshop.Ml;
using Botshop.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting;

/// <summary>
/// Brings a process to the point where it can answer: schema migrated, knowledge loaded (seeded on first use),
/// the active model loaded (trained on first use).
/// </summary>
public sealed partial class BotBootstrapper(
    BotshopDatabase database,
    KnowledgeService knowledge,
    ModelService models,
    IOptions<BotshopHostingOptions> options,
    ILogger<BotBootstrapper> logger)
{
    public async Task<KnowledgeBase> StartAsync(IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        await database.MigrateAsync(ct);
        // Replicas starting together on an empty store: one seeds and trains, the others wait here, then load its work.
        await using var firstStart = await database.HoldFirstStartLockAsync(ct);
        var kb = await knowledge.LoadOrSeedAsync(DataFolderPath, ct);
        if (!await models.LoadActiveAsync(ct))
        {
            LogTrainingFirstModel();
            var version = await models.TrainAndActivateAsync(kb, FirstModelOptions, progress, ct);
            LogTrained(version.Id, version.Trainer, version.Report.InScopeAccuracy);
        }
        return kb;
    }

    /// <summary>
    /// A first start trains only the trainer that wins on this kind of data (L-BFGS, see docs/benchmarks.md), so
    /// a new server is ready in half the time; `botshop train` compares both and picks by cross-validation.
    /// </summary>
    public static readonly TrainingOptions FirstModelOptions = new(Trainers: [IntentTrainers.LbfgsMaximumEntropy]);

    public string DataFolderPath() => DataFolder.Locate(options.Value.DataPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "No model stored yet: training the first one")]
    private partial void LogTrainingFirstModel();

    [LoggerMessage(Level = LogLevel.Information, Message = "Model version {Version} trained with {Trainer}, cross-validated accuracy {Accuracy:P1}")]
    private partial void LogTrained(long version, string trainer, double accuracy);
}
