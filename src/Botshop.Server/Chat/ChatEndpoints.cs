using System.Text.RegularExpressions;
using Botshop.Core;
using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Botshop.Server.Chat;

/// <summary>The local web chat (channel "web"): try the bot in a browser, no Slack or Teams account needed.</summary>
public static partial class ChatEndpoints
{
    public const string Channel = "web";

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/chat").WithTags("Chat").AddEndpointFilter(Health.ReadinessFilter.RequireReady);
        api.MapGet("/postings", ListPostings);
        api.MapPost("/messages", AskAsync);
        api.MapPost("/feedback", FeedbackAsync);
        return app;
    }

    private static Ok<List<ChatPosting>> ListPostings(LiveKnowledge knowledge) =>
        TypedResults.Ok(knowledge.Required.Postings.Select(p => new ChatPosting(p.Id, p.Title, p.Locations)).ToList());

    private static async Task<Results<Ok<ChatAnswer>, ProblemHttpResult>> AskAsync(
        ChatQuestion question, ConversationService conversations, LiveKnowledge knowledge, UserPseudonym pseudonym, CancellationToken ct)
    {
        if (Invalid(question, knowledge) is { } problem) return problem;
        var text = question.Text?.Trim() ?? "";
        var chosen = question.ChosenIntent?.StartsWith(ReplyChoice.IntentPrefix) == true
            ? question.ChosenIntent[ReplyChoice.IntentPrefix.Length..]
            : question.ChosenIntent;
        var message = new IncomingMessage(Channel, question.ConversationId!, pseudonym.For(Channel, question.ConversationId!),
            text, question.PostingId, ChosenIntent: chosen);
        var handled = await conversations.HandleAsync(message, ct)
            ?? throw new InvalidOperationException("A web message has no delivery id and cannot be a duplicate.");
        return TypedResults.Ok(ChatAnswer.From(handled.MessageId, handled.Reply));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> FeedbackAsync(
        ChatFeedback feedback, ConversationService conversations, UserPseudonym pseudonym, CancellationToken ct)
    {
        if (!IsConversationId(feedback.ConversationId)) return Problem("conversationId must be 8 to 64 letters, digits, '-' or '_'.");
        FeedbackVote? vote = feedback.Vote switch { "up" => FeedbackVote.Up, "down" => FeedbackVote.Down, _ => null };
        if (vote is null) return Problem("vote must be \"up\" or \"down\".");
        if (feedback.MessageId <= 0) return Problem("messageId is required.");
        var recorded = await conversations.RecordFeedbackAsync(feedback.MessageId, Channel, vote.Value, pseudonym.For(Channel, feedback.ConversationId!), ct);
        return recorded ? TypedResults.NoContent() : TypedResults.Problem("There is no such message to give feedback on.",
            statusCode: StatusCodes.Status404NotFound, title: "Unknown message");
    }

    private static ProblemHttpResult? Invalid(ChatQuestion q, LiveKnowledge knowledge)
    {
        if (!IsConversationId(q.ConversationId)) return Problem("conversationId must be 8 to 64 letters, digits, '-' or '_'.");
        if (string.IsNullOrWhiteSpace(q.PostingId) || knowledge.Required.FindPosting(q.PostingId) is null) return Problem("postingId must name one of the postings.");
        if (q.ChosenIntent is null && string.IsNullOrWhiteSpace(q.Text)) return Problem("text is required.");
        if (q.Text?.Length > ConversationService.MaxQuestionLength) return Problem($"text is longer than {ConversationService.MaxQuestionLength} characters.");
        return null;
    }

    private static bool IsConversationId(string? id) => id is not null && ConversationIdPattern().IsMatch(id);

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid chat request");

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex ConversationIdPattern();
}
