using System.Text.RegularExpressions;
using Botshop.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Botshop.Server.Tests.Admin;

/// <summary>One route under /admin as the app maps it, with a concrete path to request and the methods it answers.</summary>
public sealed record AdminRoute(string Pattern, string Path, IReadOnlyList<string> Methods, bool AllowsAnonymous);

/// <summary>
/// Every endpoint the server maps under /admin, read from the app's own route table (Razor pages and any minimal API
/// alike), so a page or endpoint added later is covered without anyone listing it. The app is built in-process with
/// its hosted services removed: nothing starts, trains or listens; only the routes are read.
/// </summary>
public static partial class AdminRoutes
{
    public static IReadOnlyList<AdminRoute> Read()
    {
        var folder = Directory.CreateTempSubdirectory("botshop-routes-").FullName;
        try
        {
            using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseSetting("ConnectionStrings:Botshop", $"Data Source={Path.Combine(folder, "routes.db")}");
                web.UseSetting("Botshop:UserHashKey", TrainedTemplate.UserHashKey);
                web.ConfigureTestServices(services => services.RemoveAll<IHostedService>());
            });
            return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => Normalized(e.RoutePattern.RawText).StartsWith("/admin", StringComparison.Ordinal))
                .Select(e => new AdminRoute(
                    Normalized(e.RoutePattern.RawText),
                    Concrete(Normalized(e.RoutePattern.RawText)),
                    e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() ?? ["GET", "POST"],
                    e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
                .DistinctBy(r => r.Path)
                .OrderBy(r => r.Path, StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            TrainedTemplate.DeleteQuietly(folder);
        }
    }

    // Razor pages' patterns have no leading slash and keep the file's case ("Admin/Conversations/Index").
    private static string Normalized(string? raw) => "/" + (raw ?? "").TrimStart('/').ToLowerInvariant();

    /// <summary>
    /// A path the pattern matches: required parameters get a plausible value (a regex-constrained one, the first literal
    /// its alternation allows, so routing reaches the endpoint), optional ones are left out.
    /// </summary>
    private static string Concrete(string pattern)
    {
        var path = Parameter().Replace(pattern, m => m.Groups["optional"].Success ? ""
            : RegexLiteral().Match(m.Value) is { Success: true } literal ? literal.Groups[1].Value : "1");
        return Regex.Replace(path, "/{2,}", "/").TrimEnd('/');
    }

    [GeneratedRegex(@"\{\*{0,2}[^}:?=]+(?::[^}?=]+)*(?<optional>\?)?(?:=[^}]*)?\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@":regex\(\^?\(?(\w+)")]
    private static partial Regex RegexLiteral();
}
