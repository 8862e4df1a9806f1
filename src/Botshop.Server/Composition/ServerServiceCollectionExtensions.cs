using Botshop.Channels.Slack;
using Botshop.Channels.Teams;
using Botshop.Hosting;
using Botshop.Server.Admin;
using Botshop.Server.Health;
using Botshop.Server.Http;
using Botshop.Server.Replicas;
using Botshop.Server.Postings;
using Botshop.Server.Privacy;
using Botshop.Server.Models;
using Botshop.Server.Replies;
using Botshop.Server.Search;
using Botshop.Storage.Conversations;

namespace Botshop.Server.Composition;

public static class ServerServiceCollectionExtensions
{
    /// <summary>Everything the web server needs, registered once: the one composition root for the web.</summary>
    public static WebApplicationBuilder AddBotshopServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddBotshopCore(configuration);
        services.AddOptions<BotshopOptions>().Bind(configuration.GetSection(BotshopOptions.Section))
            .Validate(o => o.ReplyWorkers is >= 1 and <= 256, "Botshop:ReplyWorkers must be between 1 and 256.")
            .Validate(o => o.MaxRequestBodyBytes is >= 1024, "Botshop:MaxRequestBodyBytes must be at least 1024.")
            .ValidateOnStart();

        var maxBody = configuration.GetValue<long?>("Botshop:MaxRequestBodyBytes") ?? new BotshopOptions().MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = maxBody;
            k.AddServerHeader = false;
        });
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Malformed bodies throw, so the handler can say what was wrong instead of a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton<Readiness>();
        services.AddHostedService<StartupService>();
        services.AddSingleton<ReplyQueue>();
        services.AddHostedService<ReplyWorker>();
        services.AddReplicaSync(configuration);
        services.AddSlackChannel(configuration.GetSection(SlackOptions.SectionName));
        services.AddSingleton<Slack.SlackReplies>();
        services.AddSingleton<IStartupStep, Slack.SlackChannelBindingSeeder>();
        services.AddHostedService<Slack.SlackIdentityService>();
        services.AddTeamsChannel(configuration.GetSection("Teams"));
        services.AddSingleton<Teams.TeamsReplies>();
        services.AddBotshopAdmin();
        services.AddBotshopPostingPages();
        services.AddBotshopPrivacyServer();
        services.AddModelTrainingWorker();
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section))
            .Validate(o => o.IndexEvery >= TimeSpan.FromMilliseconds(100) && o.IndexEvery <= TimeSpan.FromMinutes(10),
                "Search:IndexEvery must be between 00:00:00.1 and 00:10:00.")
            .ValidateOnStart();
        services.AddSingleton<QuestionSearchIndex>();
        services.AddHostedService<SearchIndexService>();
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<ModelHealthCheck>("model", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
