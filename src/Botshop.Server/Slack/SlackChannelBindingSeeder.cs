using Botshop.Channels.Slack;
using Botshop.Core.Conversations;
using Botshop.Server.Health;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Slack;

/// <summary>
/// Puts the configured channel bindings (Slack:ChannelPostings) into the store, where every posting choice lives,
/// but only for channels with no stored choice: a `/ask posting ID` made in Slack outlives restarts.
/// </summary>
public sealed class SlackChannelBindingSeeder(IOptions<SlackOptions> options, IConversationLog log) : IStartupStep
{
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var (channel, posting) in options.Value.ChannelPostings)
        {
            if (await log.GetConversationPostingAsync("slack", channel, ct) is null)
                await log.SetConversationPostingAsync("slack", channel, posting, ct);
        }
    }
}
