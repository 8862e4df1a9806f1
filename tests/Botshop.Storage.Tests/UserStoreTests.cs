using Botshop.Core.Accounts;
using Botshop.Storage.Tests.Infrastructure;
using Botshop.Storage.Users;

namespace Botshop.Storage.Tests;

public abstract class UserStoreTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private UserStore Users => new(Db);

    private Task<bool> AddAsync(string name, string role = UserRoles.Recruiter, bool onlyIfNone = false) =>
        Users.CreateAsync(new NewUserAccount(name, name + " display", role, "hash-of-" + name), T0, onlyIfNone, default);

    [Fact]
    public async Task Created_account_is_found_by_name_in_any_case()
    {
        Assert.True(await AddAsync("Ana.Silva"));

        var user = await Users.FindAsync("ANA.SILVA", default);

        Assert.NotNull(user);
        Assert.Equal(("ana.silva", "Ana.Silva display", UserRoles.Recruiter, "hash-of-Ana.Silva"),
            (user.UserName, user.DisplayName, user.Role, user.PasswordHash));
        Assert.Equal((false, 0, (DateTimeOffset?)null, T0), (user.Disabled, user.FailedAttempts, user.LockoutUntil, user.CreatedAt));
        Assert.NotEmpty(user.SecurityStamp);
    }

    [Fact]
    public async Task A_taken_name_is_refused_whatever_its_case()
    {
        Assert.True(await AddAsync("ana"));
        Assert.False(await AddAsync("ANA"));
        Assert.Single(await Users.ListAsync(default));
    }

    [Fact]
    public async Task Only_if_none_adds_the_first_account_and_nothing_after()
    {
        Assert.True(await AddAsync("root", UserRoles.Admin, onlyIfNone: true));
        Assert.False(await AddAsync("second", UserRoles.Admin, onlyIfNone: true));
        Assert.Equal(["root"], (await Users.ListAsync(default)).Select(u => u.UserName));
    }

    [Fact]
    public async Task Two_stores_bootstrapping_at_once_add_one_account()
    {
        var other = new UserStore(ConnectAgain());
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Users : other).CreateAsync(new NewUserAccount("root", "root", UserRoles.Admin, "h"), T0, onlyIfNone: true, default))));
        Assert.Single(results, created => created);
        Assert.Single(await Users.ListAsync(default));
    }

    [Fact]
    public async Task The_failure_that_reaches_the_limit_locks_and_restarts_the_count()
    {
        await AddAsync("ana");
        var id = (await Users.FindAsync("ana", default))!.Id;
        var until = T0.AddMinutes(15);

        Assert.Null(await Users.RecordFailedSignInAsync(id, 3, T0, until, default));
        Assert.Null(await Users.RecordFailedSignInAsync(id, 3, T0, until, default));
        Assert.Equal(2, (await Users.FindAsync("ana", default))!.FailedAttempts);
        Assert.Equal(until, await Users.RecordFailedSignInAsync(id, 3, T0, until, default));

        var locked = (await Users.FindAsync("ana", default))!;
        Assert.Equal((0, (DateTimeOffset?)until), (locked.FailedAttempts, locked.LockoutUntil));
        Assert.True(locked.IsLockedOut(T0.AddMinutes(14)));
        Assert.False(locked.IsLockedOut(until));
    }

    [Fact]
    public async Task Failures_during_a_lockout_neither_count_nor_extend_it()
    {
        await AddAsync("ana");
        var id = (await Users.FindAsync("ana", default))!.Id;
        await Users.RecordFailedSignInAsync(id, 1, T0, T0.AddMinutes(15), default);

        Assert.Null(await Users.RecordFailedSignInAsync(id, 1, T0.AddMinutes(5), T0.AddMinutes(20), default));

        var user = (await Users.FindAsync("ana", default))!;
        Assert.Equal((0, (DateTimeOffset?)T0.AddMinutes(15)), (user.FailedAttempts, user.LockoutUntil));
    }

    [Fact]
    public async Task After_a_lockout_expires_failures_count_from_zero_again()
    {
        await AddAsync("ana");
        var id = (await Users.FindAsync("ana", default))!.Id;
        await Users.RecordFailedSignInAsync(id, 2, T0, T0.AddMinutes(15), default);
        await Users.RecordFailedSignInAsync(id, 2, T0, T0.AddMinutes(15), default);

        var later = T0.AddMinutes(16);
        Assert.Null(await Users.RecordFailedSignInAsync(id, 2, later, later.AddMinutes(15), default));

        var user = (await Users.FindAsync("ana", default))!;
        Assert.Equal((1, (DateTimeOffset?)null), (user.FailedAttempts, user.LockoutUntil));
    }

    [Fact]
    public async Task Sign_in_and_unlock_clear_failures_and_lockout()
    {
        await AddAsync("ana");
        await AddAsync("bo");
        var ana = (await Users.FindAsync("ana", default))!.Id;
        var bo = (await Users.FindAsync("bo", default))!.Id;
        await Users.RecordFailedSignInAsync(ana, 5, T0, T0.AddMinutes(15), default);
        await Users.RecordFailedSignInAsync(bo, 1, T0, T0.AddMinutes(15), default);

        await Users.RecordSignInAsync(ana, default);
        Assert.True(await Users.UnlockAsync("BO", default));

        Assert.All(await Users.ListAsync(default), u => Assert.Equal((0, (DateTimeOffset?)null), (u.FailedAttempts, u.LockoutUntil)));
        Assert.False(await Users.UnlockAsync("nobody", default));
    }

    [Fact]
    public async Task Password_role_and_disable_changes_renew_the_security_stamp()
    {
        await AddAsync("ana");
        await AddAsync("root", UserRoles.Admin);
        var stamps = new List<string> { (await Users.FindAsync("ana", default))!.SecurityStamp };

        Assert.True(await Users.SetPasswordHashAsync("ana", "new-hash", default));
        stamps.Add((await Users.FindAsync("ana", default))!.SecurityStamp);
        Assert.Equal(UserUpdate.Updated, await Users.SetRoleAsync("ana", UserRoles.Admin, default));
        stamps.Add((await Users.FindAsync("ana", default))!.SecurityStamp);
        Assert.Equal(UserUpdate.Updated, await Users.SetDisabledAsync("ana", true, default));
        var after = (await Users.FindAsync("ana", default))!;
        stamps.Add(after.SecurityStamp);

        Assert.Equal(4, stamps.Distinct().Count());
        Assert.Equal(("new-hash", UserRoles.Admin, true), (after.PasswordHash, after.Role, after.Disabled));
    }

    [Fact]
    public async Task A_new_password_lifts_a_lockout()
    {
        await AddAsync("ana");
        await Users.RecordFailedSignInAsync((await Users.FindAsync("ana", default))!.Id, 1, T0, T0.AddMinutes(15), default);

        await Users.SetPasswordHashAsync("ana", "new-hash", default);

        Assert.Null((await Users.FindAsync("ana", default))!.LockoutUntil);
    }

    [Fact]
    public async Task The_last_enabled_admin_can_be_neither_demoted_nor_disabled()
    {
        await AddAsync("root", UserRoles.Admin);
        await AddAsync("ana");

        Assert.Equal(UserUpdate.LastAdmin, await Users.SetRoleAsync("root", UserRoles.Recruiter, default));
        Assert.Equal(UserUpdate.LastAdmin, await Users.SetDisabledAsync("root", true, default));
        Assert.Equal(UserUpdate.Updated, await Users.SetDisabledAsync("ana", true, default));

        await AddAsync("second", UserRoles.Admin);
        Assert.Equal(UserUpdate.Updated, await Users.SetDisabledAsync("root", true, default));
        Assert.Equal(UserUpdate.LastAdmin, await Users.SetRoleAsync("second", UserRoles.Recruiter, default));
        Assert.Equal(UserUpdate.Updated, await Users.SetDisabledAsync("root", false, default));
        Assert.Equal(UserUpdate.Updated, await Users.SetRoleAsync("second", UserRoles.Recruiter, default));
    }

    [Fact]
    public async Task Changes_to_an_unknown_user_say_so()
    {
        Assert.Equal(UserUpdate.NotFound, await Users.SetRoleAsync("nobody", UserRoles.Admin, default));
        Assert.Equal(UserUpdate.NotFound, await Users.SetDisabledAsync("nobody", true, default));
        Assert.False(await Users.SetPasswordHashAsync("nobody", "h", default));
    }
}
