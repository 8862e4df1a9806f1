using Microsoft.Extensions.Options;

namespace Botshop.Channels.Slack;

/// <summary>Refuses a half-configured Slack channel at start rather than at the first candidate's message.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != "https" && api.Scheme != "http"))
            failures.Add("Slack:ApiBaseUrl must be an absolute http(s) URL.");
        if (options.MaxRetries is < 1 or > 10)
            failures.Add("Slack:MaxRetries must be between 1 and 10.");
        if (options.RetryBaseDelay <= TimeSpan.Zero || options.AttemptTimeout <= TimeSpan.Zero)
            failures.Add("Slack:RetryBaseDelay and Slack:AttemptTimeout must be positive.");
        if (options.IsEnabled && string.IsNullOrWhiteSpace(options.BotToken))
            failures.Add("Slack:BotToken is required when Slack:SigningSecret is set.");
        foreach (var (channel, posting) in options.ChannelPostings)
            if (string.IsNullOrWhiteSpace(channel) || string.IsNullOrWhiteSpace(posting))
                failures.Add("Slack:ChannelPostings entries need a channel id and a posting id.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
