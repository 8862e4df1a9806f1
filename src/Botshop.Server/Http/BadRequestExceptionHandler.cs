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
        var reason = bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "Malformed request", Detail = reason },
        });
    }
}
