using Microsoft.AspNetCore.Diagnostics;

namespace Botshop.Server.Http;

/// <summary>
/// Turns a request ASP.NET Core could not read (malformed JSON, missing body, body too large) into ProblemDetails
/// with its real status and reason; everything else stays a 500 without internals.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        var reason = bad.InnerException switch
        {
            // Say where the body went wrong, without echoing it or naming our types.
            // Broken syntax comes wrapped around the reader's own JsonException; otherwise the JSON had the wrong shape.
            System.Text.Json.JsonException { InnerException: System.Text.Json.JsonException } json =>
                $"The request body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).",
            System.Text.Json.JsonException json =>
                $"The request body does not have the expected fields or types (at {json.Path}).",
            _ when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
            _ => "The request could not be read: a JSON body is required.",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "Malformed request", Detail = reason },
        });
    }
}
