using System.CommandLine;
using Botshop.Hosting.Privacy;

namespace Botshop.Cli.Commands;

/// <summary>How `forget` and `export-user` name a candidate: a channel and platform user id, or the stored reference.</summary>
public sealed class CandidateOptions
{
    /// <summary>The channels whose user ids the store keeps pseudonyms of.</summary>
    public static readonly string[] Channels = ["slack", "msteams", "web", "cli"];

    public Option<string?> Channel { get; } = new("--channel")
    {
        Description = "The channel the candidate used: slack, msteams, web (then --user is the chat's conversation id) or cli",
    };

    public Option<string?> User { get; } = new("--user")
    {
        Description = "Their platform user id (Slack U…, Teams 29:…); hashed with Botshop:UserHashKey, never stored",
    };

    public Option<string?> UserRef { get; } = new("--user-ref") { Description = "The pseudonymous reference the store holds (u_…)" };

    public IEnumerable<Option> All => [Channel, User, UserRef];

    /// <summary>The stored reference the options name; a mistake in them is the user's, with a one-line reason.</summary>
    public string Resolve(ParseResult parse, CandidatePrivacy privacy)
    {
        var channel = parse.GetValue(Channel);
        var user = parse.GetValue(User);
        var userRef = parse.GetValue(UserRef);
        if (userRef is not null)
        {
            if (channel is not null || user is not null) throw new CliError("give either --user-ref, or --channel with --user, not both");
            return string.IsNullOrWhiteSpace(userRef) ? throw new CliError("--user-ref is empty") : userRef.Trim();
        }
        if (channel is null || string.IsNullOrWhiteSpace(user))
            throw new CliError("name the candidate with --channel and --user, or with --user-ref");
        if (!Channels.Contains(channel))
            throw new CliError($"unknown channel '{channel}'; channels: {string.Join(", ", Channels)}");
        return privacy.UserRefFor(channel, user.Trim());
    }
}
