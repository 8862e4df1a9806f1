using Botshop.Core.Models;
using Botshop.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Botshop.Hosting.Models;

public static class ModelsServiceCollectionExtensions
{
    /// <summary>Retraining jobs, the regression gate, promotion and rollback (section "Models"); shared by the server and the CLI.</summary>
    public static IServiceCollection AddBotshopModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModelsOptions>().Bind(configuration.GetSection(ModelsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModelsOptions>, ModelsOptionsValidator>();
        services.AddSingleton<ITrainingJobStore, TrainingJobStore>();
        services.AddSingleton<LabelledQuestionStore>();
        services.AddSingleton<RegressionSetBuilder>();
        services.AddSingleton<ModelGate>();
        services.AddSingleton<ModelPromotion>();
        services.AddSingleton<TrainingSignal>();
        services.AddSingleton<TrainingRequests>();
        services.AddSingleton<TrainingJobRunner>();
        services.AddSingleton<TrainingJobProcessor>();
        services.AddSingleton<RetrainSchedule>();
        return services;
    }

    private sealed class ModelsOptionsValidator : IValidateOptions<ModelsOptions>
    {
        public ValidateOptionsResult Validate(string? name, ModelsOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
