using Botshop.Server.Tests.Infrastructure;
using Botshop.Server.Tests.Models;

namespace Botshop.Server.Tests.Browser;

/// <summary>Chromium against a server with the bootstrap admin, one posting and a training worker that starts a queued job at once.</summary>
public sealed class ModelsBrowserFixture : AdminBrowserFixture
{
    protected override TestData Data => TestData.OnePosting;
    protected override IReadOnlyDictionary<string, string>? MoreSettings => ModelTrainingServerTests.QuickWorker;
}
