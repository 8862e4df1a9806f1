using Botshop.Core.Conversations;

namespace Botshop.Channels.Slack;

/// <summary>What a button press asks of us. <c>AckUrl</c> is the response_url for replacing the pressed message.</summary>
public abstract record SlackInteraction
{
    private SlackInteraction() { }

    /// <summary>👍/👎 on an answer; <see cref="MessageId"/> is our stored message id from the button value.</summary>
    public sealed record Feedback(string MessageId, bool Helpful, string UserRef, string AckUrl) : SlackInteraction;

    /// <summary>A "did you mean" intent (Message.ChosenIntent) or a posting (Message.PostingId) was chosen.</summary>
    public sealed record Choice(IncomingMessage Message, SlackReplyAddress ReplyTo, string AckUrl) : SlackInteraction;

    /// <summary>Valid but not ours (another payload type or action): acknowledge with 200.</summary>
    public sealed record Ignored(string Reason) : SlackInteraction;
}
