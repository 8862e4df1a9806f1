using System.Text.Json;
using Botshop.Channels.Slack;
using Botshop.Channels.Teams;
using Botshop.Core.Conversations;
using Botshop.Hosting.Privacy;

namespace Botshop.Server.Privacy;

/// <summary>
/// Turns what a channel knows at intake into the encrypted reply address stored with the question, and back.
/// Platform ids only ever reach the store through here, encrypted.
/// </summary>
public sealed class ChannelReplyRefs(ReplyRefProtector protector)
{
    public SealedReplyRef ForSlack(SlackReplyAddress to)
    {
        // An ephemeral answer (response_url) has no thread a later reply could join: that reply goes by DM.
        var byDirectMessage = to.ResponseUrl is not null;
        return Seal(new SlackConversationRef(to.ChannelId, to.TeamId),
            new SlackMessageRef(byDirectMessage ? null : to.ThreadTs, byDirectMessage ? to.UserId : null));
    }

    public SealedReplyRef? ForTeams(TeamsActivity activity) =>
        activity is { ServiceUrl: { } serviceUrl, Conversation: { } conversation, Recipient: { } bot }
            ? Seal(new TeamsConversationRef(serviceUrl, conversation.Id, bot.Id, bot.Name, conversation.TenantId, activity.ChannelId),
                new TeamsMessageRef(activity.Id))
            : null;

    public T? Open<T>(string? ciphertext, out string? error) where T : class
    {
        error = null;
        if (ciphertext is null) return null;
        var json = protector.TryUnprotect(ciphertext, out error);
        if (json is null) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json, ReplyRefJson.Options);
        }
        catch (JsonException e)
        {
            error = "the reply address is not readable: " + e.Message;
            return null;
        }
    }

    private SealedReplyRef Seal(ConversationRef conversation, MessageRef message) => new(
        protector.Protect(JsonSerializer.Serialize(conversation, ReplyRefJson.Options)),
        protector.Protect(JsonSerializer.Serialize(message, ReplyRefJson.Options)));
}
