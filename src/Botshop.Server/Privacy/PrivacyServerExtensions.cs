using Botshop.Core.Conversations;
using Botshop.Server.Health;

namespace Botshop.Server.Privacy;

public static class PrivacyServerExtensions
{
    /// <summary>The server's side of privacy: reply addresses at intake, recruiter replies, the retention purge.</summary>
    public static IServiceCollection AddBotshopPrivacyServer(this IServiceCollection services)
    {
        services.AddSingleton<ChannelReplyRefs>();
        services.AddSingleton<IRecruiterReplies, RecruiterReplies>();
        services.AddSingleton<IStartupStep, DataProtectionKeyStep>();
        services.AddHostedService<RetentionPurgeService>();
        return services;
    }

    public static IEndpointRouteBuilder MapBotshopPrivacy(this IEndpointRouteBuilder app) => app.MapWebChatReplies();
}
