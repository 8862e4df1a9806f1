using Botshop.Hosting.Postings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Botshop.Server.Postings;

public static class PostingPagesServiceCollectionExtensions
{
    /// <summary>Room for the form's other fields beside the document.</summary>
    private const long FormOverhead = 64 * 1024;

    /// <summary>The /admin/postings pages: the upload form may carry a posting larger than the server-wide body limit.</summary>
    public static IServiceCollection AddBotshopPostingPages(this IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<RazorPagesOptions>, UploadSizeLimit>();

    /// <summary>The upload page accepts Postings:MaxUploadBytes plus room for the form's other fields; the rest keep Botshop:MaxRequestBodyBytes.</summary>
    private sealed class UploadSizeLimit(IOptions<PostingUploadOptions> uploads) : IConfigureOptions<RazorPagesOptions>
    {
        public void Configure(RazorPagesOptions options) =>
            options.Conventions.AddPageApplicationModelConvention("/Admin/Postings/Index", model =>
            {
                var limit = uploads.Value.MaxUploadBytes + FormOverhead;
                model.Filters.Add(new RequestSizeLimitAttribute(limit));
                model.Filters.Add(new RefuseOversizeBody(limit));
            });
    }

    /// <summary>
    /// Answers 413 for a body announced larger than the limit before anything reads it: otherwise the anti-forgery
    /// check would meet the cut-off body first and answer a misleading 400.
    /// </summary>
    private sealed class RefuseOversizeBody(long limit) : IAuthorizationFilter, IOrderedFilter
    {
        public int Order => 0; // before the anti-forgery filter (1000)

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            if (context.HttpContext.Request.ContentLength is not { } length || length <= limit) return;
            context.Result = new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Upload too large",
                Detail = $"The upload is {length:N0} bytes; a posting may be at most {limit - FormOverhead:N0} bytes.",
            }) { StatusCode = StatusCodes.Status413PayloadTooLarge };
        }
    }
}
