using System.Net;
using System.Text;
using Botshop.Channels.Slack;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Slack;

/// <summary>The web chat server has no Slack signing secret: Slack is off, and its URLs do not exist.</summary>
[Collection(WebServerCollection.Name)]
public sealed class SlackDisabledTests(ServerFixture web)
{
    [Theory]
    [InlineData(SlackRoutes.Events)]
    [InlineData(SlackRoutes.Commands)]
    [InlineData(SlackRoutes.Interactivity)]
    public async Task Slack_urls_answer_404_without_a_signing_secret(string path)
    {
        var body = Encoding.UTF8.GetBytes(SlackPayloads.UrlVerification("challenge"));
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var http = web.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new ByteArrayContent(body) };
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute("any-secret", ts, body));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
