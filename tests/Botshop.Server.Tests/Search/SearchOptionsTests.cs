using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Search;

public sealed class SearchOptionsTests
{
    [Theory]
    [InlineData("00:00:00.01", "Search:IndexEvery must be between 00:00:00.1 and 00:10:00.")]
    [InlineData("01:00:00", "Search:IndexEvery must be between 00:00:00.1 and 00:10:00.")]
    [InlineData("soon", "Search:IndexEvery")]
    public async Task An_index_interval_out_of_range_or_unreadable_stops_the_start_with_the_reason(string value, string reason)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ServerProcess.StartAsync(new Dictionary<string, string> { ["Search__IndexEvery"] = value }));

        Assert.Contains(reason, e.Message);
    }
}
