using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Botshop.Cli.Tests;

/// <summary>`botshop users`: accounts from the command line, passwords only from standard input, every change audited as "cli".</summary>
public sealed class UsersCommandTests : IDisposable
{
    private const string Password = "a long enough password";
    private readonly TempFolder _temp = new();
    private readonly CliEnvironment _env;

    public UsersCommandTests() => _env = new CliEnvironment(_temp.File("users.db"), DataFolder: null, _temp.Path);

    public void Dispose() => _temp.Dispose();

    private Task<CliResult> RunAsync(string? stdin, params string[] args) => CliProcess.RunWithInputAsync(_env, stdin, args);

    private async Task<List<JsonElement>> ListAsync()
    {
        var result = await RunAsync(null, "users", "list", "--json");
        CliAssert.Succeeded(result);
        return result.Json().EnumerateArray().ToList();
    }

    private List<(string Actor, string Action, string Subject)> Audit()
    {
        using var connection = StoreFile.Open(_env.DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT actor, action, subject FROM audit_log ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }

    private string StoredHash(string name)
    {
        using var connection = StoreFile.Open(_env.DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM users WHERE user_name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Add_takes_the_password_from_stdin_and_stores_only_its_hash()
    {
        var added = await RunAsync(Password + "\n", "users", "add", "Ana", "--role", "admin", "--display-name", "Ana Silva");

        CliAssert.Succeeded(added);
        var user = Assert.Single(await ListAsync());
        Assert.Equal(("ana", "Ana Silva", "admin", false),
            (user.GetProperty("name").GetString(), user.GetProperty("displayName").GetString(), user.GetProperty("role").GetString(), user.GetProperty("disabled").GetBoolean()));
        var hash = StoredHash("ana");
        Assert.DoesNotContain(Password, hash);
        var hasher = new PasswordHasher<object>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new object(), hash, Password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new object(), hash, Password + "!"));
        Assert.Equal([("cli", "user.add", "ana")], Audit());
        Assert.DoesNotContain(Password, added.Stdout + added.Stderr);
    }

    [Fact]
    public async Task A_password_given_as_an_argument_is_refused_and_nothing_is_added()
    {
        var result = await RunAsync(null, "users", "add", "ana", "--role", "recruiter", Password);

        Assert.NotEqual(0, result.ExitCode);
        CliAssert.NoStackTrace(result);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Bad_accounts_are_refused_with_the_reason()
    {
        var shortPassword = await RunAsync("short\n", "users", "add", "ana", "--role", "recruiter");
        var badName = await RunAsync(Password + "\n", "users", "add", "a b", "--role", "recruiter");
        var noPassword = await RunAsync("", "users", "add", "ana", "--role", "recruiter");
        var badRole = await RunAsync(Password + "\n", "users", "add", "ana", "--role", "owner");
        CliAssert.Succeeded(await RunAsync(Password + "\n", "users", "add", "ana", "--role", "recruiter"));
        var taken = await RunAsync(Password + "\n", "users", "add", "ANA", "--role", "admin");

        Assert.Contains("at least 12 characters", CliAssert.OneLineError(shortPassword, ExitCodes.BadInput));
        Assert.Contains("user name", CliAssert.OneLineError(badName, ExitCodes.BadInput));
        Assert.Contains("no password on standard input", CliAssert.OneLineError(noPassword, ExitCodes.BadInput));
        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Contains("owner", badRole.Stderr);
        Assert.Contains("already a user named \"ana\"", CliAssert.OneLineError(taken, ExitCodes.BadInput));
        Assert.Single(await ListAsync());
    }

    [Fact]
    public async Task Set_password_disable_and_enable_change_the_account_and_are_audited()
    {
        CliAssert.Succeeded(await RunAsync(Password + "\n", "users", "add", "root", "--role", "admin"));
        CliAssert.Succeeded(await RunAsync(Password + "\n", "users", "add", "ana", "--role", "recruiter"));
        var before = StoredHash("ana");

        CliAssert.Succeeded(await RunAsync("another long password\n", "users", "set-password", "ana"));
        CliAssert.Succeeded(await RunAsync(null, "users", "disable", "ana"));
        var disabled = (await ListAsync()).Single(u => u.GetProperty("name").GetString() == "ana").GetProperty("disabled").GetBoolean();
        CliAssert.Succeeded(await RunAsync(null, "users", "enable", "ana"));
        var lastAdmin = await RunAsync(null, "users", "disable", "root");
        var unknown = await RunAsync(null, "users", "disable", "nobody");

        Assert.NotEqual(before, StoredHash("ana"));
        Assert.True(disabled);
        Assert.All(await ListAsync(), u => Assert.False(u.GetProperty("disabled").GetBoolean()));
        Assert.Contains("last enabled admin", CliAssert.OneLineError(lastAdmin, ExitCodes.BadInput));
        Assert.Contains("no user named \"nobody\"", CliAssert.OneLineError(unknown, ExitCodes.BadInput));
        Assert.Equal(
            [("cli", "user.add", "root"), ("cli", "user.add", "ana"), ("cli", "user.password", "ana"), ("cli", "user.disable", "ana"), ("cli", "user.enable", "ana")],
            Audit());
    }
}
