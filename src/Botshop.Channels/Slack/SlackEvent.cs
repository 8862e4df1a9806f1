using Botshop.Core.Conversations;

namespace Botshop.Channels.Slack;

/// <summary>What an Events API request asks of us.</summary>
public abstract record SlackEvent
{
    private SlackEvent() { }

    /// <summary>Slack checks the request URL: answer 200 with {"challenge": …}.</summary>
    public sealed record UrlVerification(string Challenge) : SlackEvent;

    /// <summary>A candidate's question: acknowledge, enqueue, answer at <see cref="ReplyTo"/>.</summary>
    public sealed record Question(IncomingMessage Message, SlackReplyAddress ReplyTo) : SlackEvent;

    /// <summary>Valid but not for us (bot echo, edit, other event type): acknowledge with 200 and do nothing.</summary>
    public sealed record Ignored(string Reason) : SlackEvent;
}
