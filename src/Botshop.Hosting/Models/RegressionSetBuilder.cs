using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Knowledge;
using Botshop.Knowledge.Regression;
using Botshop.Ml;
using Botshop.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Models;

/// <summary>
/// Puts together the regression set for one gate: every labelled logged question, plus the held-out questions of
/// data/regression whose intent the knowledge still has and which have not since become training examples.
/// </summary>
public sealed partial class RegressionSetBuilder(
    LabelledQuestionStore labelled,
    IOptions<BotshopHostingOptions> hosting,
    ILogger<RegressionSetBuilder> logger)
{
    public async Task<RegressionSet> BuildAsync(KnowledgeBase knowledge, CancellationToken ct)
    {
        var heldOut = ReadHeldOut();
        var trained = knowledge.TrainingExamples().Select(e => TextNormalizer.Normalize(e.Text)).ToHashSet(StringComparer.Ordinal);
        var kept = heldOut.Questions
            .Where(q => knowledge.FindIntent(q.Intent) is not null && !trained.Contains(TextNormalizer.Normalize(q.Text)))
            .Select(q => new RegressionQuestion(q.Text, q.Intent, RegressionSource.HeldOut))
            .ToList();
        var taught = (await labelled.LoadAsync(ct))
            .Select(q => new RegressionQuestion(q.Text, q.Intent, RegressionSource.Labelled))
            .ToList();
        var info = new RegressionSetInfo(taught.Count, kept.Count, heldOut.Questions.Count - kept.Count, heldOut.Sha256);
        return new RegressionSet([.. taught, .. kept], info);
    }

    private HeldOutFile ReadHeldOut()
    {
        string folder;
        try
        {
            folder = DataFolder.Locate(hosting.Value.DataPath);
        }
        catch (KnowledgeDataException)
        {
            // A server may run from the store alone; the gate then has the labelled questions only, and says so.
            LogNoDataFolder();
            return new HeldOutFile([], "none");
        }
        return HeldOutQuestions.Load(folder);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No data folder found: the regression set has no held-out questions")]
    private partial void LogNoDataFolder();
}
