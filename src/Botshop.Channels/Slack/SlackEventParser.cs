using System.Text.Json;
using Botshop.Core;
using Botshop.Core.Conversations;

namespace Botshop.Channels.Slack;

/// <summary>Turns a verified Events API body into a channel-neutral question, or says why there is none (channels.md §1.3).</summary>
public sealed class SlackEventParser(SlackBotIdentity identity)
{
    public const string Channel = "slack";

    /// <exception cref="SlackRequestException">The body is not a Slack event.</exception>
    public SlackEvent Parse(ReadOnlyMemory<byte> rawBody, UserPseudonym pseudonym)
    {
        using var doc = SlackJson.Parse(rawBody, "event body");
        var root = doc.RootElement;
        SlackJson.RequireObject(root, "event body");
        return SlackJson.RequiredString(root, "type") switch
        {
            "url_verification" => new SlackEvent.UrlVerification(SlackJson.RequiredString(root, "challenge")),
            "event_callback" => FromCallback(root, pseudonym),
            var other => new SlackEvent.Ignored($"envelope type {other}"),
        };
    }

    private SlackEvent FromCallback(JsonElement root, UserPseudonym pseudonym)
    {
        var eventId = SlackJson.RequiredString(root, "event_id");
        var ev = SlackJson.Object(root, "event");
        if (ev.ValueKind != JsonValueKind.Object)
            throw new SlackRequestException("'event' missing");

        var type = SlackJson.RequiredString(ev, "type");
        var isDirect = type == "message" && SlackJson.String(ev, "channel_type") == "im";
        if (type != "app_mention" && !isDirect)
            return new SlackEvent.Ignored($"event type {type}");
        // Edits, joins and bot posts (our own replies included) must never be answered, or the bot talks to itself.
        if (SlackJson.String(ev, "subtype") is { } subtype)
            return new SlackEvent.Ignored($"subtype {subtype}");
        if (SlackJson.String(ev, "bot_id") is not null)
            return new SlackEvent.Ignored("bot message");

        var user = SlackJson.RequiredString(ev, "user");
        var botUser = identity.UserId ?? BotUserFromAuthorizations(root);
        if (user == botUser)
            return new SlackEvent.Ignored("own message");

        var channel = SlackJson.RequiredString(ev, "channel");
        var ts = SlackJson.RequiredString(ev, "ts");
        var text = SlackText.Unescape(SlackText.StripMention(SlackJson.String(ev, "text") ?? "", botUser));
        var message = new IncomingMessage(Channel, channel, pseudonym.For(Channel, user), text,
            ExternalId: eventId);
        return new SlackEvent.Question(message, new SlackReplyAddress(channel, SlackJson.String(ev, "thread_ts") ?? ts,
            UserId: user, TeamId: SlackJson.String(root, "team_id")));
    }

    // Until auth.test has run, the envelope names the installation's bot user (channels.md §1.3).
    private static string? BotUserFromAuthorizations(JsonElement root)
    {
        if (!root.TryGetProperty("authorizations", out var auths) || auths.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var auth in auths.EnumerateArray())
            if (SlackJson.Bool(auth, "is_bot") && SlackJson.String(auth, "user_id") is { } id)
                return id;
        return null;
    }
}
