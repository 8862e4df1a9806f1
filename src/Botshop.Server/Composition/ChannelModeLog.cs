using Botshop.Channels.Slack;
using Botshop.Channels.Teams;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Composition;

/// <summary>Says at start which channels are on and how they authenticate, so an operator never has to guess.</summary>
public static partial class ChannelModeLog
{
    public static void LogChannelModes(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Botshop.Server.Channels");
        if (app.Services.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled) LogSlackOn(logger);
        else LogSlackOff(logger);
        var teams = app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (teams.AuthenticationEnabled) LogTeamsAuthenticated(logger);
        else LogTeamsLoopbackOnly(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: on (/slack/events, /slack/commands, /slack/interactivity verify request signatures)")]
    private static partial void LogSlackOn(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: off, no Slack:SigningSecret configured; its endpoints answer 404")]
    private static partial void LogSlackOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams: /api/messages validates Bot Framework tokens")]
    private static partial void LogTeamsAuthenticated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams: no Teams:AppId configured, so /api/messages accepts unauthenticated requests from loopback only (local emulator use)")]
    private static partial void LogTeamsLoopbackOnly(ILogger logger);
}
