using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Browser;

/// <summary>Chromium against a server with the bootstrap admin and two postings.</summary>
public sealed class AdminBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string>? ServerSettings => AdminSession.BootstrapSettings();
    protected override TestData Data => TestData.TwoPostings;
}
