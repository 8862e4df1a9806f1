using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Botshop.Channels.Teams;

/// <summary>Outcome of a send: the connector's activity id, or why it failed (stored as the delivery error).</summary>
public sealed record ConnectorSendResult(bool Sent, string? ActivityId, string? Error)
{
    public static ConnectorSendResult Failed(string error) => new(false, null, error);
}

/// <summary>
/// Posts activities to the Bot Connector REST API (channels.md §2.5). Retries for 429/412/5xx live in the HttpClient's
/// resilience handler; a 401 is handled here: the token is refreshed and the send retried once.
/// </summary>
public sealed class BotConnectorClient(
    IHttpClientFactory httpClients,
    BotTokenProvider tokens,
    IOptions<TeamsOptions> options,
    ILogger<BotConnectorClient> logger)
{
    public const string HttpClientName = "Botshop.Teams.Connector";

    public async Task<ConnectorSendResult> SendAsync(TeamsOutgoingActivity activity, CancellationToken ct)
    {
        var o = options.Value;
        if (!ServiceUrlAllowlist.IsAllowed(activity.ServiceUrl, o.AllowedServiceUrls))
        {
            logger.LogWarning("Refused to send to a serviceUrl outside Teams:AllowedServiceUrls");
            return ConnectorSendResult.Failed("serviceUrl not allowed");
        }
        var uri = ActivitiesUri(activity.ServiceUrl, activity.ConversationId, activity.ReplyToId);
        var body = JsonSerializer.SerializeToUtf8Bytes(activity.Body);
        try
        {
            var token = o.AuthenticationEnabled ? await tokens.GetTokenAsync(ct) : null;
            using var first = await PostAsync(uri, activity.ConversationId, body, token, ct);
            if (first.StatusCode == HttpStatusCode.Unauthorized && token is not null)
            {
                // The token may have been revoked or rotated early: one fresh token, one more try.
                tokens.Invalidate(token);
                token = await tokens.GetTokenAsync(ct);
                using var second = await PostAsync(uri, activity.ConversationId, body, token, ct);
                return await ResultAsync(second, ct);
            }
            return await ResultAsync(first, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogError(ex, "Sending to the Bot Connector failed");
            return ConnectorSendResult.Failed(ex is OperationCanceledException ? "timeout" : "connection failed: " + ex.Message);
        }
    }

    /// <summary>
    /// {serviceUrl}v3/conversations/{id}/activities[/{replyToId}], keeping serviceUrl's path prefix; ids are escaped as
    /// one path segment each ("a:1Xy;messageid=17" → "a%3A1Xy%3Bmessageid%3D17").
    /// </summary>
    public static Uri ActivitiesUri(string serviceUrl, string conversationId, string? replyToId)
    {
        var baseUrl = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId)) path += "/" + Uri.EscapeDataString(replyToId);
        return new Uri(baseUrl + path, UriKind.Absolute);
    }

    private async Task<HttpResponseMessage> PostAsync(Uri uri, string conversationId, byte[] body, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("x-ms-conversation-id", conversationId);
        return await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
    }

    private async Task<ConnectorSendResult> ResultAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Bot Connector answered HTTP {Status}", (int)response.StatusCode);
            return ConnectorSendResult.Failed($"HTTP {(int)response.StatusCode}");
        }
        var text = await response.Content.ReadAsStringAsync(ct);
        string? id = null;
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var p)
                && p.ValueKind == JsonValueKind.String) id = p.GetString();
        }
        catch (JsonException)
        {
            logger.LogInformation("Bot Connector accepted the activity without a JSON body");
        }
        return new ConnectorSendResult(true, id, null);
    }
}
