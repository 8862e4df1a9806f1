using System.Net;
using Botshop.Hosting.Accounts;
using Botshop.Server.Tests.Infrastructure;
using Botshop.Storage;
using Botshop.Storage.Users;

namespace Botshop.Server.Tests.Admin;

[Collection(AdminServerCollection.Name)]
public sealed class SignInTests(AdminServerFixture fixture)
{
    private const string Password = "a long enough password";
    private ServerProcess Server => fixture.Server;

    private static string? RefusalShown(string html) => AdminSession.Parse(html).QuerySelector("[role=alert]")?.TextContent;

    private async Task<string> NewRecruiterAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():n}"[..24];
        using var admin = await AdminSession.SignInAsync(Server);
        await admin.AddUserAsync(name, Password);
        return name;
    }

    [Fact]
    public async Task Bootstrap_admin_signs_in_and_lands_on_the_overview()
    {
        using var session = AdminSession.Anonymous(Server);

        using var response = await session.TrySignInAsync(AdminSession.AdminUser, AdminSession.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", AdminSession.Location(response));
        var overview = await session.GetPageAsync("admin");
        Assert.NotNull(overview.QuerySelector("[data-stat=messages]"));
        Assert.Equal(AdminSession.AdminUser, overview.QuerySelector(".who")?.TextContent);
    }

    [Fact]
    public async Task Unknown_user_wrong_password_and_lockout_get_the_same_answer_and_the_right_password_waits_for_the_unlock()
    {
        var name = await NewRecruiterAsync("lena");
        using var session = AdminSession.Anonymous(Server);

        using var unknown = await session.TrySignInAsync("nobody-" + Guid.NewGuid().ToString("n")[..8], Password);
        var answers = new List<string?> { RefusalShown(await unknown.Content.ReadAsStringAsync()) };
        for (var i = 0; i < AdminServerFixture.LockoutAttempts; i++)
        {
            using var wrong = await session.TrySignInAsync(name, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            answers.Add(RefusalShown(await wrong.Content.ReadAsStringAsync()));
        }
        using var locked = await session.TrySignInAsync(name, Password);
        answers.Add(RefusalShown(await locked.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode); // the form again: not signed in
        Assert.All(answers, a => Assert.Equal(SignInOutcome.RefusedMessage, a));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("admin/conversations")).StatusCode);

        // The lockout lasts a configured minute; an unlock through the store ends it at once.
        await using (var db = new BotshopDatabase(new StorageOptions { ConnectionString = $"Data Source={Server.DatabaseFile}" }))
            Assert.True(await new UserStore(db).UnlockAsync(name, default));
        using var unlocked = await session.TrySignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
    }

    [Fact]
    public async Task Return_url_is_followed_only_within_the_workspace()
    {
        using var session = AdminSession.Anonymous(Server);
        using var local = await session.TrySignInAsync(AdminSession.AdminUser, AdminSession.AdminPassword, "/admin/conversations?channel=web");
        Assert.Equal("/admin/conversations?channel=web", AdminSession.Location(local));

        foreach (var foreign in new[] { "https://evil.example/", "//evil.example/admin", "/\\evil.example", "/api/chat/postings" })
        {
            using var other = AdminSession.Anonymous(Server);
            using var response = await other.TrySignInAsync(AdminSession.AdminUser, AdminSession.AdminPassword, foreign);
            Assert.Equal("/admin", AdminSession.Location(response));
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_needs_a_post()
    {
        using var session = await AdminSession.SignInAsync(Server);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await session.Client.GetAsync("admin/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("admin")).StatusCode);
        using var signOut = await session.PostFormAsync("admin/logout", [], tokenFrom: "admin");

        Assert.Equal("/admin/login", AdminSession.Location(signOut));
        using var after = await session.Client.GetAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_or_changing_their_password_ends_their_open_session()
    {
        var disabled = await NewRecruiterAsync("dora");
        var renewed = await NewRecruiterAsync("rene");
        using var doraSession = await AdminSession.SignInAsync(Server, disabled, Password);
        using var reneSession = await AdminSession.SignInAsync(Server, renewed, Password);
        Assert.Equal(HttpStatusCode.OK, (await doraSession.Client.GetAsync("admin/conversations")).StatusCode);

        using var admin = await AdminSession.SignInAsync(Server);
        using (await admin.PostFormAsync("admin/users?handler=Disable", new() { ["UserName"] = disabled }, tokenFrom: "admin/users")) { }
        using (await admin.PostFormAsync("admin/users?handler=Password", new() { ["UserName"] = renewed, ["Password"] = "another long password" },
            tokenFrom: "admin/users")) { }

        foreach (var ended in new[] { doraSession, reneSession })
        {
            using var response = await ended.Client.GetAsync("admin/conversations");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/login", AdminSession.Location(response));
        }
        using var oldPassword = await AdminSession.Anonymous(Server).TrySignInAsync(renewed, Password);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var disabledAgain = await AdminSession.Anonymous(Server).TrySignInAsync(disabled, Password);
        Assert.Equal(SignInOutcome.RefusedMessage, RefusalShown(await disabledAgain.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Recruiter_is_denied_the_admin_pages_and_an_admin_is_not()
    {
        var name = await NewRecruiterAsync("rita");
        using var recruiter = await AdminSession.SignInAsync(Server, name, Password);
        using var admin = await AdminSession.SignInAsync(Server);

        foreach (var page in new[] { "admin/users", "admin/settings" })
        {
            using var denied = await recruiter.Client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/admin/denied", AdminSession.Location(denied));
            using var deniedPage = await recruiter.Client.GetAsync(denied.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, deniedPage.StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(page)).StatusCode);
        }
        // Nor can a recruiter post to the users page with a valid token of their own.
        using var post = await recruiter.PostFormAsync("admin/users?handler=Add",
            new() { ["UserName"] = "sneaky-" + name, ["Password"] = Password, ["Role"] = "admin" }, tokenFrom: "admin/conversations");
        Assert.StartsWith("/admin/denied", AdminSession.Location(post));
        Assert.Null((await admin.GetPageAsync("admin/users")).QuerySelector($"tr[data-user='sneaky-{name}']"));
        // The recruiter sees the workspace without the admin links.
        var overview = await recruiter.GetPageAsync("admin");
        Assert.Null(overview.QuerySelector("nav a[href='/admin/users']"));
    }

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused()
    {
        using var admin = await AdminSession.SignInAsync(Server);
        var name = "no-token-" + Guid.NewGuid().ToString("n")[..8];

        using var addUser = await admin.PostWithoutTokenAsync("admin/users?handler=Add",
            new() { ["UserName"] = name, ["Password"] = Password, ["Role"] = "admin" });
        using var signIn = await AdminSession.Anonymous(Server).PostWithoutTokenAsync("admin/login",
            new() { ["UserName"] = AdminSession.AdminUser, ["Password"] = AdminSession.AdminPassword });
        using var signOut = await admin.PostWithoutTokenAsync("admin/logout", []);

        Assert.Equal(HttpStatusCode.BadRequest, addUser.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Null((await admin.GetPageAsync("admin/users")).QuerySelector($"tr[data-user='{name}']"));
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("admin")).StatusCode); // still signed in
    }

    [Fact]
    public async Task Users_page_refuses_a_short_password_and_the_last_admin_demotion_saying_why()
    {
        using var admin = await AdminSession.SignInAsync(Server);

        using (await admin.PostFormAsync("admin/users?handler=Add", new() { ["UserName"] = "shorty", ["Password"] = "short", ["Role"] = "recruiter" },
            tokenFrom: "admin/users")) { }
        var afterShort = await admin.GetPageAsync("admin/users");
        using (await admin.PostFormAsync("admin/users?handler=Role", new() { ["UserName"] = AdminSession.AdminUser, ["Role"] = "recruiter" },
            tokenFrom: "admin/users")) { }
        var afterDemote = await admin.GetPageAsync("admin/users");

        Assert.Null(afterShort.QuerySelector("tr[data-user='shorty']"));
        Assert.Contains($"at least {AccountRules.MinPasswordLength} characters", afterShort.QuerySelector(".error")?.TextContent);
        Assert.Contains("last enabled admin", afterDemote.QuerySelector(".error")?.TextContent);
        Assert.Equal("admin", afterDemote.QuerySelector($"tr[data-user='{AdminSession.AdminUser}'] .role")?.TextContent);
    }
}
