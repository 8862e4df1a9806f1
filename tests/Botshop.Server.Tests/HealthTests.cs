using System.Net;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests;

[Collection(WebServerCollection.Name)]
public sealed class HealthTests(ServerFixture fixture)
{
    [Theory]
    [InlineData("healthz")] // alive
    [InlineData("readyz")]  // store reachable and model served
    public async Task Health_endpoint_answers_healthy(string path)
    {
        using var client = fixture.Server.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
