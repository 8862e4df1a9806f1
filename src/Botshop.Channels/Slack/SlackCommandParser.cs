using Botshop.Core;
using Botshop.Core.Conversations;

namespace Botshop.Channels.Slack;

/// <summary>Reads a verified slash-command form body (channels.md §1.5).</summary>
public sealed class SlackCommandParser
{
    /// <exception cref="SlackRequestException">Not a slash command we handle.</exception>
    public SlackCommand Parse(ReadOnlyMemory<byte> rawBody, UserPseudonym pseudonym)
    {
        var form = SlackForm.Parse(rawBody.Span);
        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1")
            return new SlackCommand.SslCheck();

        var command = SlackForm.Required(form, "command");
        if (command != SlackRoutes.AskCommand)
            throw new SlackRequestException($"unknown command {command}");
        var channel = SlackForm.Required(form, "channel_id");
        var user = SlackForm.Required(form, "user_id");
        var replyTo = new SlackReplyAddress(channel, null, ResponseUrl(form), user, form.GetValueOrDefault("team_id"));
        var text = SlackText.Unescape(form.GetValueOrDefault("text", "")).Trim();

        var words = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || (words.Length == 1 && words[0].Equals("help", StringComparison.OrdinalIgnoreCase)))
            return new SlackCommand.Help(channel, replyTo);
        if (words[0].Equals("posting", StringComparison.OrdinalIgnoreCase))
            return words.Length == 2
                ? new SlackCommand.BindPosting(channel, words[1], replyTo)
                : new SlackCommand.Help(channel, replyTo);

        var message = new IncomingMessage(SlackEventParser.Channel, channel, pseudonym.For(SlackEventParser.Channel, user), text,
            ExternalId: form.GetValueOrDefault("trigger_id"));
        return new SlackCommand.Question(message, replyTo);
    }

    private static string ResponseUrl(IReadOnlyDictionary<string, string> form)
    {
        var url = SlackForm.Required(form, "response_url");
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")
            ? url
            : throw new SlackRequestException("response_url is not an absolute URL");
    }
}
