using System.Text;
using Botshop.Channels.Teams;

namespace Botshop.Channels.Tests.Teams;

public sealed class TeamsActivityParserTests
{
    private const string Valid = """
        {"type":"message","id":"1","serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams",
         "timestamp":"2026-01-02T03:04:05.678Z","from":{"id":"29:u"},"recipient":{"id":"28:b"},"conversation":{"id":"a:1"},
         "text":"hi","value":{"x":1},"unknownField":[1,2,3]}
        """;

    [Fact]
    public void Well_formed_activity_is_read_with_unknown_fields_ignored()
    {
        var result = new TeamsActivityParser().Parse(Encoding.UTF8.GetBytes(Valid));

        Assert.True(result.Success, result.Error);
        var a = result.Activity!;
        Assert.Equal(("message", "1", "a:1", "hi"), (a.Type, a.Id, a.Conversation!.Id, a.Text));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), a.Timestamp);
        Assert.Equal(1, a.Value!.Value.GetProperty("x").GetInt32());
    }

    [Theory]
    [InlineData("", "The request body is empty.")]
    [InlineData("null", "The body is not a JSON object.")]
    [InlineData("{\"type\":", "The body is not a valid activity")]
    [InlineData("[1,2]", "The body is not a valid activity")]
    [InlineData("{\"type\":7}", "The body is not a valid activity")]
    [InlineData("{\"id\":\"1\"}", "The activity has no type.")]
    [InlineData("{\"type\":\"message\",\"id\":\"1\",\"serviceUrl\":\"ftp://x/\"}", "The activity has no absolute http(s) serviceUrl.")]
    [InlineData("{\"type\":\"message\",\"id\":\"1\",\"serviceUrl\":\"https://x/\",\"from\":{\"id\":\"29:u\"},\"recipient\":{\"id\":\"28:b\"}}", "The activity has no conversation.id.")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"https://x/\",\"from\":{\"id\":\"29:u\"},\"recipient\":{\"id\":\"28:b\"},\"conversation\":{\"id\":\"c\"}}", "A message or invoke activity must have an id.")]
    public void Malformed_body_is_refused_with_a_reason(string body, string error)
    {
        var result = new TeamsActivityParser().Parse(Encoding.UTF8.GetBytes(body));
        Assert.False(result.Success);
        Assert.StartsWith(error, result.Error);
    }
}
