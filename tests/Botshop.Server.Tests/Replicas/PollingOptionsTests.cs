using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Replicas;

public sealed class PollingOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("3601")]
    public async Task Poll_interval_out_of_range_stops_the_start_with_the_reason(string seconds)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ServerProcess.StartAsync(new Dictionary<string, string> { ["Models__PollSeconds"] = seconds }));

        Assert.Contains("Models:PollSeconds must be between 1 and 3600.", e.Message);
    }
}
