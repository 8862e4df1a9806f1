using Botshop.Channels.Slack;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Slack;

/// <summary>
/// Asks Slack who the bot is (auth.test) once at start, so the bot's own messages and mentions are recognised.
/// A failure is logged, not fatal: events carrying a bot_id are dropped regardless.
/// </summary>
public sealed partial class SlackIdentityService(IOptions<SlackOptions> options, IServiceProvider services, ILogger<SlackIdentityService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled || string.IsNullOrWhiteSpace(options.Value.BotToken)) return;
        try
        {
            var identity = await services.GetRequiredService<SlackWebApiClient>().AuthTestAsync(stoppingToken);
            services.GetRequiredService<SlackBotIdentity>().Learn(identity);
            LogIdentity();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAuthFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: bot identity learnt from auth.test")]
    private partial void LogIdentity();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: auth.test failed ({Reason}); the bot's own user id is unknown until the next start")]
    private partial void LogAuthFailed(string reason);
}
