using System.CommandLine;
using Botshop.Cli.Input;
using Botshop.Cli.Output;
using Botshop.Core.Accounts;
using Botshop.Hosting.Accounts;
using Botshop.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Botshop.Cli.Commands;

/// <summary>`botshop users …`: workspace accounts from the command line (the first admin, recovery); audited as "cli".</summary>
public static class UsersCommand
{
    public static Command Create() => new("users", "Manage the recruiter workspace's accounts")
    {
        Add(), List(), SetPassword(), Toggle("disable", "Disable an account; its sessions end at once", disabled: true),
        Toggle("enable", "Enable a disabled account", disabled: false),
    };

    private static readonly Option<bool> PasswordStdin = new("--password-stdin")
    {
        Description = "Read the password from the first line of standard input (the default when input is piped)",
    };

    private static Argument<string> Name() => new("name") { Description = "The user name (case is ignored)" };

    private static Command Add()
    {
        var name = Name();
        var role = new Option<string>("--role")
        {
            Description = "admin (users, settings) or recruiter",
            Required = true,
        }.AcceptOnlyFromAmong(UserRoles.Admin, UserRoles.Recruiter);
        var display = new Option<string?>("--display-name") { Description = "The name shown in the workspace (default: the user name)" };
        var command = new Command("add", $"Add an account; the password (at least {AccountRules.MinPasswordLength} characters) is read from standard input")
        {
            name, role, display, PasswordStdin,
        };
        command.SetAction((parse, ct) => RunAsync(async accounts =>
        {
            var password = await PasswordInput.ReadAsync(parse.GetValue(PasswordStdin), ct);
            Check(await accounts.CreateAsync(AccountService.CliActor, parse.GetValue(name)!, parse.GetValue(display), parse.GetValue(role)!, password, ct));
            Console.Error.WriteLine($"Added {parse.GetValue(name)!.Trim().ToLowerInvariant()} ({parse.GetValue(role)}).");
        }, ct));
        return command;
    }

    private static Command List()
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "List the accounts") { json };
        command.SetAction((parse, ct) => RunAsync(async accounts =>
        {
            var users = await accounts.ListAsync(ct);
            var now = DateTimeOffset.UtcNow;
            if (parse.GetValue(json))
            {
                Json.WriteLine(users.Select(u => new
                {
                    name = u.UserName, displayName = u.DisplayName, role = u.Role, disabled = u.Disabled,
                    lockedUntil = u.IsLockedOut(now) ? u.LockoutUntil : null, createdAt = u.CreatedAt,
                }));
                return;
            }
            var table = new Table().AddColumns("Name", "Display name", "Role", "State", "Created");
            foreach (var u in users)
                table.AddRow(Markup.Escape(u.UserName), Markup.Escape(u.DisplayName), u.Role,
                    u.Disabled ? "disabled" : u.IsLockedOut(now) ? $"locked until {u.LockoutUntil:u}" : "active", u.CreatedAt.ToString("yyyy-MM-dd"));
            Terminal.Out.Write(table);
        }, ct));
        return command;
    }

    private static Command SetPassword()
    {
        var name = Name();
        var command = new Command("set-password", "Set an account's password from standard input; ends its sessions and any lockout")
        {
            name, PasswordStdin,
        };
        command.SetAction((parse, ct) => RunAsync(async accounts =>
        {
            var password = await PasswordInput.ReadAsync(parse.GetValue(PasswordStdin), ct);
            Check(await accounts.SetPasswordAsync(AccountService.CliActor, parse.GetValue(name)!, password, ct));
            Console.Error.WriteLine("Password set.");
        }, ct));
        return command;
    }

    private static Command Toggle(string verb, string description, bool disabled)
    {
        var name = Name();
        var command = new Command(verb, description) { name };
        command.SetAction((parse, ct) => RunAsync(async accounts =>
        {
            Check(await accounts.SetDisabledAsync(AccountService.CliActor, parse.GetValue(name)!, disabled, ct));
            Console.Error.WriteLine(disabled ? "Disabled." : "Enabled.");
        }, ct));
        return command;
    }

    private static Task<int> RunAsync(Func<AccountService, Task> work, CancellationToken ct) => CliRunner.RunAsync(async () =>
    {
        await using var services = CliServices.Build(dataFolder: null);
        await services.GetRequiredService<BotshopDatabase>().MigrateAsync(ct);
        await work(services.GetRequiredService<AccountService>());
        return ExitCodes.Ok;
    });

    private static void Check(AccountResult result)
    {
        if (!result.Succeeded) throw new CliError(result.Error!);
    }
}
