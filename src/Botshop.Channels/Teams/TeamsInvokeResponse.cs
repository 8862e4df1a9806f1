using System.Text.Json.Nodes;

namespace Botshop.Channels.Teams;

/// <summary>The HTTP status and JSON body an <c>invoke</c> activity must be answered with (channels.md §2.3).</summary>
public sealed record TeamsInvokeResponse(int StatusCode, JsonObject? Body)
{
    public const string FeedbackThanks = "Thanks for the feedback!";
    public const string ChoiceReceived = "Got it, one moment.";

    /// <summary>Null for non-invoke activities (answered with an empty 200); otherwise the response to send inline.</summary>
    public static TeamsInvokeResponse? For(TeamsInbound inbound)
    {
        if (inbound.Activity.Type != ActivityTypes.Invoke) return null;
        return inbound switch
        {
            TeamsFeedback => Message(FeedbackThanks),
            TeamsQuestion or TeamsPostingChoice => Message(ChoiceReceived),
            // botbuilder answers invokes it does not handle with 501.
            _ => new TeamsInvokeResponse(501, null),
        };
    }

    private static TeamsInvokeResponse Message(string text) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    });
}
