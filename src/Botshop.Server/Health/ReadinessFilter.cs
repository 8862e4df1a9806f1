namespace Botshop.Server.Health;

/// <summary>Endpoints that answer inline need the model: until it is loaded they say so with a 503.</summary>
public static class ReadinessFilter
{
    public static async ValueTask<object?> RequireReady(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var readiness = context.HttpContext.RequestServices.GetRequiredService<Readiness>();
        if (!readiness.IsReady)
        {
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem("The bot is still starting (loading or training its model). Try again in a few seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
        }
        return await next(context);
    }
}
