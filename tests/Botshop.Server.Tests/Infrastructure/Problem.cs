using System.Net;
using System.Text.Json.Nodes;

namespace Botshop.Server.Tests.Infrastructure;

/// <summary>Reads an RFC 9457 problem response and checks its status and media type.</summary>
public static class Problem
{
    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)expected, (int)problem["status"]!);
        return problem;
    }

    public static string Detail(JsonObject problem) => (string?)problem["detail"] ?? "";
}
