using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Botshop.Channels.Slack;

/// <summary>
/// Which posting a Slack channel is about: seeded from <see cref="SlackOptions.ChannelPostings"/>, changed by
/// "/ask posting ID" (held in memory; the caller persists it if it should survive a restart).
/// </summary>
public sealed class SlackChannelBindings(IOptions<SlackOptions> options)
{
    private readonly ConcurrentDictionary<string, string> _bindings = new(options.Value.ChannelPostings);

    public string? PostingFor(string channelId) => _bindings.TryGetValue(channelId, out var posting) ? posting : null;

    /// <summary>Binds the channel; the caller has checked that the posting exists.</summary>
    public void Bind(string channelId, string postingId) => _bindings[channelId] = postingId;
}
