using Botshop.Core.Conversations;

namespace Botshop.Channels.Slack;

/// <summary>What a slash command asks of us. Every variant but <see cref="SslCheck"/> is answered at its response_url.</summary>
public abstract record SlackCommand
{
    private SlackCommand() { }

    /// <summary>Slack probing the certificate (ssl_check=1): answer 200, nothing else.</summary>
    public sealed record SslCheck : SlackCommand;

    /// <summary>"/ask" alone or "/ask help": send the help reply.</summary>
    public sealed record Help(string ChannelId, SlackReplyAddress ReplyTo) : SlackCommand;

    /// <summary>"/ask posting ID": bind the channel to that posting once the caller has checked it exists.</summary>
    public sealed record BindPosting(string ChannelId, string PostingId, SlackReplyAddress ReplyTo) : SlackCommand;

    /// <summary>"/ask some question".</summary>
    public sealed record Question(IncomingMessage Message, SlackReplyAddress ReplyTo) : SlackCommand;
}
