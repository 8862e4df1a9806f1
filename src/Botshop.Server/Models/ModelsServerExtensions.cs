namespace Botshop.Server.Models;

public static class ModelsServerExtensions
{
    /// <summary>The background training worker (the jobs, gate and promotion services come with AddBotshopCore).</summary>
    public static IServiceCollection AddModelTrainingWorker(this IServiceCollection services) =>
        services.AddHostedService<TrainingWorker>();
}
