using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Botshop.Channels.Slack;

/// <summary>
/// The few Slack Web API calls the bot makes (channels.md §1.7). The HttpClient comes from IHttpClientFactory with
/// the retry pipeline of <see cref="SlackServiceCollectionExtensions.AddSlackChannel(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{SlackOptions})"/>.
/// </summary>
public sealed class SlackWebApiClient(HttpClient http, IOptions<SlackOptions> options, ILogger<SlackWebApiClient> logger)
{
    /// <summary>Sends to a response_url when the address has one, else posts in the channel (and thread).</summary>
    public async Task SendAsync(SlackReplyAddress to, SlackMessage message, CancellationToken ct = default)
    {
        if (to.ResponseUrl is not null)
            await PostToResponseUrlAsync(to.ResponseUrl, message, replaceOriginal: false, ct);
        else
            await PostMessageAsync(to.ChannelId, message, to.ThreadTs, ct);
    }

    /// <summary>chat.postMessage; returns the new message's ts.</summary>
    public async Task<string> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["channel"] = channel,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
        };
        if (threadTs is not null)
            body["thread_ts"] = threadTs;
        using var response = await CallAsync("chat.postMessage", body, ct);
        return response.RootElement.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String
            ? ts.GetString()!
            : throw new SlackApiException("chat.postMessage", "missing_ts");
    }

    /// <summary>auth.test: who our token is, to recognise and ignore the bot's own messages.</summary>
    public async Task<SlackAuthIdentity> AuthTestAsync(CancellationToken ct = default)
    {
        using var response = await CallAsync("auth.test", new JsonObject(), ct);
        var root = response.RootElement;
        var userId = SlackJson.String(root, "user_id") ?? throw new SlackApiException("auth.test", "missing_user_id");
        return new SlackAuthIdentity(userId, SlackJson.String(root, "bot_id"), SlackJson.String(root, "team_id"));
    }

    /// <summary>
    /// Posts to a command's or button's response_url: ephemeral, or replacing the message that held the buttons.
    /// No token goes with it: the URL itself is the credential.
    /// </summary>
    public async Task PostToResponseUrlAsync(string responseUrl, SlackMessage message, bool replaceOriginal, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["replace_original"] = replaceOriginal,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = Json(body) };
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw Failed("response_url", ErrorOf(text) ?? $"http_{(int)response.StatusCode}");
        // Hooks answer "ok" or {"ok":true}; a JSON ok:false is a refusal.
        if (text.TrimStart().StartsWith('{') && ErrorOf(text) is { } error)
            throw Failed("response_url", error);
    }

    private async Task<JsonDocument> CallAsync(string method, JsonObject body, CancellationToken ct)
    {
        var url = options.Value.ApiBaseUrl.TrimEnd('/') + "/" + method;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw Failed(method, $"http_{(int)response.StatusCode}");

        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(bytes); }
        catch (JsonException) { throw Failed(method, "invalid_response"); }
        // Slack reports most failures as HTTP 200 with ok:false.
        if (doc.RootElement.ValueKind == JsonValueKind.Object
            && doc.RootElement.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            return doc;
        var error = SlackJson.String(doc.RootElement, "error") ?? "unknown_error";
        doc.Dispose();
        throw Failed(method, error);
    }

    private SlackApiException Failed(string method, string error)
    {
        var exception = new SlackApiException(method, error);
        logger.LogWarning("Slack {Method} failed with {Error} (retryable: {Retryable})", method, error, exception.IsRetryable);
        return exception;
    }

    private static string? ErrorOf(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True))
                return null;
            return root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : "unknown_error";
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static StringContent Json(JsonObject body) =>
        new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
