using Microsoft.AspNetCore.Http.HttpResults;

namespace Botshop.Server.Http;

/// <summary>
/// Reads a webhook's raw body once: signatures are computed over these exact bytes, and parsing uses the same bytes.
/// Kestrel's body-size limit applies; a body over it is answered 413.
/// </summary>
public static class RawBody
{
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            return (buffer.ToArray(), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TypedResults.Problem("The request body is larger than this endpoint accepts.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large"));
        }
    }

    public static ProblemHttpResult BadRequest(string reason) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status400BadRequest, title: "Malformed request");

    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem("The request could not be authenticated.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
}
