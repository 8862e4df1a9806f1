using System.Text.RegularExpressions;
using Botshop.Server.Chat;
using Botshop.Storage.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Botshop.Server.Privacy;

/// <summary>
/// GET /api/chat/conversations/{id}/replies?after=N: the recruiters' replies to this web chat's questions, which the
/// page polls. The conversation id is the page's own random token, so only that page can read them.
/// </summary>
public static partial class WebChatReplyEndpoints
{
    public static IEndpointRouteBuilder MapWebChatReplies(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/chat").WithTags("Chat").AddEndpointFilter(Health.ReadinessFilter.RequireReady)
            .MapGet("/conversations/{conversationId}/replies", ListAsync);
        return app;
    }

    public sealed record WebRecruiterReply(long Id, long MessageId, string Text, DateTimeOffset SentAt);

    private static async Task<Results<Ok<List<WebRecruiterReply>>, ProblemHttpResult>> ListAsync(
        string conversationId, long? after, RecruiterReplyStore store, CancellationToken ct)
    {
        if (!ConversationIdPattern().IsMatch(conversationId))
            return TypedResults.Problem("conversationId must be 8 to 64 letters, digits, '-' or '_'.",
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid chat request");
        if (after is < 0)
            return TypedResults.Problem("after must be a reply id (0 or more).", statusCode: StatusCodes.Status400BadRequest, title: "Invalid chat request");
        var replies = await store.TakeForConversationAsync(ChatEndpoints.Channel, conversationId, after ?? 0, ct);
        return TypedResults.Ok(replies.Select(r => new WebRecruiterReply(r.Id, r.MessageId, r.Text, r.SentAt)).ToList());
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex ConversationIdPattern();
}
