using Botshop.Channels.Teams;
using Botshop.Core;
using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Server.Http;
using Botshop.Server.Replies;

namespace Botshop.Server.Teams;

/// <summary>Microsoft Teams over the Bot Framework protocol: POST /api/messages.</summary>
public static class TeamsEndpoints
{
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).WithTags("Teams");
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, TeamsActivityParser parser, TeamsInboundAuthenticator auth,
        TeamsActivityMapper mapper, UserPseudonym pseudonym, TeamsReplies replies, CancellationToken ct)
    {
        var (body, tooLarge) = await RawBody.ReadAsync(http.Request, ct);
        if (tooLarge is not null) return tooLarge;
        var parsed = parser.Parse(body);
        if (!parsed.Success) return RawBody.BadRequest(parsed.Error!);
        var activity = parsed.Activity!;

        var outcome = await auth.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), activity,
            http.Connection.RemoteIpAddress, ct);
        // The validator has logged why; the caller only learns that it was refused.
        if (!outcome.IsValid) return RawBody.Unauthorized();

        var inbound = mapper.Map(activity, pseudonym);
        await replies.HandleAsync(inbound, ct);
        return TeamsInvokeResponse.For(inbound) is { } invoke
            ? Results.Json(invoke.Body, statusCode: invoke.StatusCode)
            : Results.Ok();
    }
}

/// <summary>What the bot does with each kind of Teams activity: record, then answer in the background.</summary>
public sealed class TeamsReplies(
    ConversationService conversations,
    AnswerService answers,
    LiveKnowledge knowledge,
    ReplyQueue queue,
    TeamsReplyRenderer renderer,
    BotConnectorClient connector,
    Privacy.ChannelReplyRefs replyRefs)
{
    public async Task HandleAsync(TeamsInbound inbound, CancellationToken ct)
    {
        switch (inbound)
        {
            case TeamsQuestion q:
                await AcceptAsync(q.Activity, q.Message, ct);
                break;
            case TeamsPostingChoice choice:
                await conversations.ChoosePostingAsync(choice.Message.Channel, choice.Message.ConversationId, choice.PostingId, ct);
                await AcceptAsync(choice.Activity, choice.Message, ct);
                break;
            case TeamsFeedback feedback:
                await conversations.RecordFeedbackAsync(feedback.MessageId, TeamsActivityMapper.ChannelName, feedback.Vote, feedback.UserRef, ct);
                break;
            case TeamsWelcome welcome:
                await queue.EnqueueAsync(ReplyJob.Send(TeamsActivityMapper.ChannelName, Welcome(), (reply, _, token) =>
                    SendAsync(renderer.RenderWelcome(welcome.Activity, reply), token)), ct);
                break;
        }
    }

    private async Task AcceptAsync(TeamsActivity activity, IncomingMessage message, CancellationToken ct)
    {
        // A redelivered activity has the same id: the store refuses it and nothing is answered twice.
        var accepted = await conversations.AcceptAsync(message with { ReplyRef = replyRefs.ForTeams(activity) }, ct);
        if (accepted is null) return;
        await queue.EnqueueAsync(ReplyJob.Answer(accepted, (reply, id, token) =>
            SendAsync(renderer.RenderReply(activity, reply, id), token)), ct);
    }

    private async Task SendAsync(TeamsOutgoingActivity outgoing, CancellationToken ct)
    {
        var result = await connector.SendAsync(outgoing, ct);
        if (!result.Sent) throw new InvalidOperationException($"Teams connector: {result.Error}");
    }

    private Reply Welcome()
    {
        var postings = knowledge.Required.Postings;
        var help = answers.Help(postings.Count == 1 ? postings[0] : null);
        return postings.Count == 1 ? help : help with { Choices = answers.ChoosePosting().Choices };
    }
}
