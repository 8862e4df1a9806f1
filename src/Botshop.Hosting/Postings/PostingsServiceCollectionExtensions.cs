using Botshop.Core.Postings;
using Botshop.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Hosting.Postings;

public static class PostingsServiceCollectionExtensions
{
    /// <summary>Posting uploads, stale citations, draft answers and knowledge export (config section "Postings").</summary>
    public static IServiceCollection AddBotshopPostings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PostingUploadOptions>().Bind(configuration.GetSection(PostingUploadOptions.Section))
            .Validate(o => o.MaxUploadBytes is >= 1024 and <= 64 * 1024 * 1024, "Postings:MaxUploadBytes must be between 1024 and 67108864.")
            .ValidateOnStart();
        services.AddSingleton<IPostingStore, PostingStore>();
        services.AddSingleton<IDraftAnswerStore, AnswerDraftStore>();
        services.AddSingleton<PostingUploads>();
        services.AddSingleton<DraftReview>();
        services.AddSingleton<PostingWorkspace>();
        services.AddSingleton<KnowledgeExporter>();
        return services;
    }
}
