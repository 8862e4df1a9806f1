using System.Text;
using Botshop.Channels.Slack;
using Botshop.Core;
using Microsoft.Extensions.Options;

namespace Botshop.Channels.Tests.Slack;

/// <summary>A clock standing still at a given Unix second, so the replay window can be tested exactly.</summary>
internal sealed class FixedClock(long unixSeconds) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
}

internal static class SlackTestKit
{
    public const string BotUser = "UBOT";
    public static readonly UserPseudonym Pseudonym = new(Encoding.UTF8.GetBytes("test-pseudonym-key"));

    public static IOptions<SlackOptions> Options(Action<SlackOptions>? configure = null)
    {
        var options = new SlackOptions { SigningSecret = "secret", BotToken = "xoxb-test", BotUserId = BotUser };
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    /// <summary>A file or folder of the repository, found by walking up from the test binaries.</summary>
    public static string RepoPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate) || Directory.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException($"{relative} not found above {AppContext.BaseDirectory}");
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Form-encodes fields the way Slack does (spaces as '+').</summary>
    public static byte[] Form(params (string Name, string Value)[] fields) =>
        Utf8(string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value).Replace("%20", "+"))));
}
