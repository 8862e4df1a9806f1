using Botshop.Core.Models;
using Botshop.Server.Admin;

namespace Botshop.Server.Models;

/// <summary>/admin/api/models: training job progress as JSON for the dashboard or scripts, behind the recruiters' sign-in.</summary>
public static class ModelsEndpoints
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/api/models").RequireAuthorization(AdminPolicies.Recruiter);
        group.MapGet("/jobs/{id:long}", async (long id, ITrainingJobStore jobs, CancellationToken ct) =>
            await jobs.GetAsync(id, ct) is { } job
                ? Results.Ok(TrainingJobView.From(job))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no training job {id}."));
        group.MapGet("/jobs", async (ITrainingJobStore jobs, CancellationToken ct) =>
            Results.Ok((await jobs.RecentAsync(20, ct)).Select(TrainingJobView.From)));
        return app;
    }
}

/// <summary>A training job as the dashboard shows it: what a poller needs, nothing about the worker's host.</summary>
public sealed record TrainingJobView(
    long Id, string Status, bool Finished, string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt, string? Progress, int? Step, int? Total, long? ModelVersionId, string? Error, int Attempts)
{
    public static TrainingJobView From(TrainingJob j) => new(
        j.Id, j.Status.ToString().ToLowerInvariant(), j.IsFinished, j.RequestedBy, j.RequestedAt, j.StartedAt, j.FinishedAt,
        j.Progress, j.ProgressStep, j.ProgressTotal, j.ModelVersionId, j.Error, j.Attempts);
}
