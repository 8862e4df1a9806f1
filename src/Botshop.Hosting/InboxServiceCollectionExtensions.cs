using Botshop.Core.Inbox;
using Botshop.Core.Knowledge;
using Botshop.Core.Knowledge.Editing;
using Botshop.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting;

public static class InboxServiceCollectionExtensions
{
    /// <summary>
    /// Knowledge editing (<see cref="KnowledgeEditor"/>) and the inbox (<see cref="InboxService"/>). Direct replies
    /// work once an <c>IRecruiterReplies</c> is registered; the inbox takes it when there is one.
    /// </summary>
    public static IServiceCollection AddBotshopInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.Section))
            .Validate(o => o.InboxConfidenceBelow is null or (> 0 and <= 1), "Admin:InboxConfidenceBelow must be greater than 0 and at most 1.")
            .Validate(o => o.InboxMaxQuestions is >= 10 and <= 100_000, "Admin:InboxMaxQuestions must be between 10 and 100000.")
            .Validate(o => o.InboxGroupSimilarity is > 0 and <= 1, "Admin:InboxGroupSimilarity must be greater than 0 and at most 1.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<InboxOptions>>().Value.ToSettings());
        services.AddSingleton<IKnowledgeEditStore, KnowledgeEditStore>();
        services.AddSingleton<IInboxStore, InboxStore>();
        services.AddSingleton<KnowledgeEditor>();
        services.AddSingleton<InboxService>();
        return services;
    }
}
