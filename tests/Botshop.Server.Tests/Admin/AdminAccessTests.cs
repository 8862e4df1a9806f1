using System.Net;
using Botshop.Server.Tests.Infrastructure;

namespace Botshop.Server.Tests.Admin;

/// <summary>Nothing under /admin answers a signed-out request, except the sign-in page itself.</summary>
[Collection(AdminServerCollection.Name)]
public sealed class AdminAccessTests(AdminServerFixture fixture)
{
    private static readonly Lazy<IReadOnlyList<AdminRoute>> Routes = new(AdminRoutes.Read);

    [Fact]
    public void The_route_table_holds_the_workspace_and_only_the_sign_in_page_is_anonymous()
    {
        var paths = Routes.Value.Select(r => r.Path).ToList();
        Assert.Superset(new HashSet<string> { "/admin", "/admin/login", "/admin/logout", "/admin/users", "/admin/settings",
            "/admin/conversations", "/admin/conversations/1", "/admin/conversations/export" }, paths.ToHashSet());
        Assert.Equal(["/admin/login"], Routes.Value.Where(r => r.AllowsAnonymous).Select(r => r.Path));
    }

    [Fact]
    public async Task Every_admin_endpoint_sends_a_signed_out_request_to_the_sign_in_page()
    {
        using var session = AdminSession.Anonymous(fixture.Server);
        var failures = new List<string>();
        foreach (var route in Routes.Value.Where(r => !r.AllowsAnonymous))
        {
            foreach (var method in route.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), route.Path.TrimStart('/'));
                if (method != "GET") request.Content = new FormUrlEncodedContent([]);
                using var response = await session.Client.SendAsync(request);
                var location = AdminSession.Location(response) ?? "";
                if (response.StatusCode != HttpStatusCode.Redirect || !location.StartsWith("/admin/login?ReturnUrl=", StringComparison.Ordinal))
                    failures.Add($"{method} {route.Path} ({route.Pattern}): {(int)response.StatusCode} {location}");
            }
        }
        Assert.True(failures.Count == 0, "Answered without a sign-in:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task The_sign_in_page_answers_signed_out_and_carries_an_anti_forgery_token()
    {
        using var session = AdminSession.Anonymous(fixture.Server);
        var page = await session.GetPageAsync("admin/login");
        Assert.NotNull(page.QuerySelector($"form[method=post] input[name={AdminSession.TokenField}]"));
    }
}
