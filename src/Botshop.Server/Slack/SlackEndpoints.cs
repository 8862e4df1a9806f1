using Botshop.Channels.Slack;
using Botshop.Core;
using Botshop.Server.Http;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Slack;

/// <summary>
/// Slack's three request URLs. Each verifies the signature over the raw body before reading anything, answers
/// within Slack's 3 seconds, and leaves the answering to the background worker.
/// </summary>
public static partial class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("").WithTags("Slack").AddEndpointFilter(RequireEnabled);
        slack.MapPost(SlackRoutes.Events, EventsAsync);
        slack.MapPost(SlackRoutes.Commands, CommandsAsync);
        slack.MapPost(SlackRoutes.Interactivity, InteractivityAsync);
        return app;
    }

    private static Task<IResult> EventsAsync(HttpContext http, SlackEventParser parser, UserPseudonym pseudonym, SlackReplies replies, CancellationToken ct) =>
        HandleVerifiedAsync(http, body => parser.Parse(body, pseudonym), parsed => OnEventAsync(parsed, replies, ct), ct);

    private static Task<IResult> CommandsAsync(HttpContext http, SlackCommandParser parser, UserPseudonym pseudonym, SlackReplies replies, CancellationToken ct) =>
        HandleVerifiedAsync(http, body => parser.Parse(body, pseudonym), parsed => OnCommandAsync(parsed, replies, ct), ct, allowSslCheck: true);

    private static Task<IResult> InteractivityAsync(HttpContext http, SlackInteractionParser parser, UserPseudonym pseudonym, SlackReplies replies, CancellationToken ct) =>
        HandleVerifiedAsync(http, body => parser.Parse(body, pseudonym), parsed => OnInteractionAsync(parsed, replies, ct), ct);

    /// <summary>Every Slack request: read the raw body, verify its signature, parse it (malformed: 400), then act.</summary>
    private static async Task<IResult> HandleVerifiedAsync<T>(HttpContext http, Func<byte[], T> parse, Func<T, Task<IResult>> act,
        CancellationToken ct, bool allowSslCheck = false)
    {
        var (body, refused) = await VerifiedBodyAsync(http, ct, allowSslCheck);
        if (refused is not null) return refused;
        T parsed;
        try { parsed = parse(body); }
        catch (SlackRequestException e) { return RawBody.BadRequest(e.Reason); }
        return await act(parsed);
    }

    private static async Task<IResult> OnEventAsync(SlackEvent parsed, SlackReplies replies, CancellationToken ct)
    {
        switch (parsed)
        {
            case SlackEvent.UrlVerification v:
                return Results.Json(new { challenge = v.Challenge });
            case SlackEvent.Question q:
                await replies.AcceptQuestionAsync(q.Message, q.ReplyTo, ct);
                break;
        }
        return Results.Ok();
    }

    private static async Task<IResult> OnCommandAsync(SlackCommand parsed, SlackReplies replies, CancellationToken ct) =>
        parsed switch
        {
            SlackCommand.Help help => Results.Json(await replies.HelpAsync(help.ChannelId, ct)),
            SlackCommand.BindPosting bind => Results.Json(await replies.BindChannelAsync(bind.ChannelId, bind.PostingId, ct)),
            SlackCommand.Question q => await AcceptCommandAsync(replies, q, ct),
            _ => Results.Ok(),
        };

    private static async Task<IResult> AcceptCommandAsync(SlackReplies replies, SlackCommand.Question q, CancellationToken ct)
    {
        await replies.AcceptQuestionAsync(q.Message, q.ReplyTo, ct);
        return Results.Ok();
    }

    private static async Task<IResult> OnInteractionAsync(SlackInteraction parsed, SlackReplies replies, CancellationToken ct)
    {
        switch (parsed)
        {
            case SlackInteraction.Feedback feedback when !long.TryParse(feedback.MessageId, out _):
                return RawBody.BadRequest("feedback value is not a message id");
            case SlackInteraction.Feedback feedback:
                await replies.FeedbackAsync(long.Parse(feedback.MessageId), feedback.Helpful, feedback.UserRef, feedback.AckUrl, ct);
                break;
            case SlackInteraction.Choice choice:
                await replies.ChoiceAsync(choice.Message, choice.ReplyTo, ct);
                break;
        }
        return Results.Ok();
    }

    /// <summary>The raw body, once its signature and timestamp check out; otherwise the refusal to return.</summary>
    private static async Task<(byte[] Body, IResult? Refused)> VerifiedBodyAsync(HttpContext http, CancellationToken ct, bool allowSslCheck = false)
    {
        var (body, tooLarge) = await RawBody.ReadAsync(http.Request, ct);
        if (tooLarge is not null) return ([], tooLarge);
        // Slack checks a command URL's certificate with an unsigned "ssl_check=1" that asks for nothing: answer 200.
        if (allowSslCheck && IsSslCheck(body!)) return ([], Results.Ok());
        var verifier = http.RequestServices.GetRequiredService<SlackSignatureVerifier>();
        var check = verifier.Verify(http.Request.Headers[SlackSignature.TimestampHeader], http.Request.Headers[SlackSignature.SignatureHeader], body);
        if (check.IsValid) return (body!, null);
        LogRefused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Botshop.Server.Slack"), http.Request.Path, check.Reason);
        return ([], RawBody.Unauthorized());
    }

    private static bool IsSslCheck(byte[] body)
    {
        try
        {
            var form = SlackForm.Parse(body);
            return form.TryGetValue("ssl_check", out var check) && check == "1" && !form.ContainsKey("command");
        }
        catch (SlackRequestException)
        {
            return false;
        }
    }

    /// <summary>With no signing secret configured, Slack is off and its URLs do not exist.</summary>
    private static async ValueTask<object?> RequireEnabled(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SlackOptions>>();
        return options.Value.IsEnabled ? await next(context) : Results.NotFound();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request to {Path} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string path, string reason);
}
