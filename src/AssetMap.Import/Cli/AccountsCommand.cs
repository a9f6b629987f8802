using System.CommandLine;
using AssetMap.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Import.Cli;

/// <summary>
/// <c>accounts create|disable|enable|reset-password|add-role|list</c>: the way in for the first admin (there is no
/// self-registration), and for scripts. Passwords come from standard input (<c>--password-stdin</c>) or are generated
/// and printed once; they never go on the command line, where shell history and <c>ps</c> would keep them.
/// </summary>
internal static class AccountsCommand
{
    public static Command Create()
    {
        var command = new Command("accounts", "Create and manage sign-in accounts (the first admin starts here).")
        {
            CreateAccount(), SetDisabled("disable", true), SetDisabled("enable", false), ResetPassword(), AddRole(), List(),
        };
        return command;
    }

    private static Command CreateAccount()
    {
        var name = UserName();
        var displayName = new Option<string?>("--display-name") { Description = "The name the header shows (default: the user name)." };
        var roles = new Option<string[]>("--role") { Description = $"A role ({string.Join(", ", AccountRoles.Names)}); repeat for more.", AllowMultipleArgumentsPerToken = true };
        var stdin = PasswordStdin();
        var reset = new Option<bool>("--reset-if-exists") { Description = "When the account exists, set its password and roles and enable it instead of failing." };
        var command = new Command("create", "Create an account with roles; prints a generated password unless --password-stdin.") { name, displayName, roles, stdin, reset };
        command.SetAction(async (parse, ct) =>
        {
            var password = await PasswordAsync(parse.GetValue(stdin));
            var wanted = parse.GetValue(roles) ?? [];
            return await WithAdminAsync(async admin =>
            {
                var userName = parse.GetValue(name)!;
                IdentityResult result;
                if (parse.GetValue(reset) && await admin.FindAsync(userName) is { } existing)
                {
                    result = await Then(admin.ResetPasswordAsync(existing, password.Value), () => admin.SetRolesAsync(existing, wanted), () => admin.EnableAsync(existing));
                }
                else
                {
                    result = await admin.CreateAsync(userName, parse.GetValue(displayName), password.Value, wanted);
                }

                return Report(result, $"Account {userName} is ready ({(wanted.Length == 0 ? "no roles" : string.Join(", ", wanted))}).", password);
            }, ct);
        });
        return command;
    }

    private static Command SetDisabled(string verb, bool disabled)
    {
        var name = UserName();
        var command = new Command(verb, disabled ? "Disable an account: it cannot sign in and its sessions end." : "Enable a disabled account.") { name };
        command.SetAction((parse, ct) => WithAccountAsync(parse.GetValue(name)!, async (admin, account) =>
            Report(disabled ? await admin.DisableAsync(account) : await admin.EnableAsync(account), $"Account {account.UserName} is {verb}d.", null), ct));
        return command;
    }

    private static Command ResetPassword()
    {
        var name = UserName();
        var stdin = PasswordStdin();
        var command = new Command("reset-password", "Set a new password (and end a lockout); prints a generated one unless --password-stdin.") { name, stdin };
        command.SetAction(async (parse, ct) =>
        {
            var password = await PasswordAsync(parse.GetValue(stdin));
            return await WithAccountAsync(parse.GetValue(name)!, async (admin, account) =>
                Report(await admin.ResetPasswordAsync(account, password.Value), $"Password of {account.UserName} reset.", password), ct);
        });
        return command;
    }

    private static Command AddRole()
    {
        var name = UserName();
        var role = new Argument<string>("role") { Description = string.Join(", ", AccountRoles.Names) };
        var command = new Command("add-role", "Give an account a role.") { name, role };
        command.SetAction((parse, ct) => WithAccountAsync(parse.GetValue(name)!, async (admin, account) =>
            Report(await admin.AddRoleAsync(account, parse.GetValue(role)!), $"{account.UserName} now holds {parse.GetValue(role)}.", null), ct));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the accounts, their roles and state.");
        command.SetAction((_, ct) => WithAdminAsync(async admin =>
        {
            foreach (var (account, roles) in await admin.ListAsync(ct))
            {
                var state = account.Disabled ? "disabled" : account.LockoutEnd > DateTimeOffset.UtcNow ? "locked" : "active";
                Console.WriteLine($"{account.UserName,-24} {state,-8} {string.Join(",", roles),-36} {account.DisplayName}");
            }

            return ExitCodes.Done;
        }, ct));
        return command;
    }

    private static Argument<string> UserName() => new("user-name") { Description = "What the person types to sign in." };

    private static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "Read the password from the first line of standard input." };

    private sealed record Password(string Value, bool Generated);

    private static async Task<Password> PasswordAsync(bool fromStdin) =>
        fromStdin
            ? new((await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "", false)
            : new(AccountAdmin.NewPassword(), true);

    private static async Task<IdentityResult> Then(Task<IdentityResult> first, params Func<Task<IdentityResult>>[] rest)
    {
        var result = await first;
        foreach (var next in rest)
        {
            if (!result.Succeeded)
            {
                break;
            }

            result = await next();
        }

        return result;
    }

    private static int Report(IdentityResult result, string done, Password? password)
    {
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error.Description);
            }

            return ExitCodes.Rejected;
        }

        Console.WriteLine(done);
        if (password is { Generated: true })
        {
            Console.WriteLine($"Password: {password.Value}");
        }

        return ExitCodes.Done;
    }

    private static async Task<int> WithAdminAsync(Func<AccountAdmin, Task<int>> action, CancellationToken ct)
    {
        using var host = ImporterHost.Build();
        await using var scope = host.Services.CreateAsyncScope();
        ct.ThrowIfCancellationRequested();
        return await action(scope.ServiceProvider.GetRequiredService<AccountAdmin>());
    }

    private static Task<int> WithAccountAsync(string userName, Func<AccountAdmin, Account, Task<int>> action, CancellationToken ct) =>
        WithAdminAsync(async admin =>
        {
            if (await admin.FindAsync(userName) is not { } account)
            {
                await Console.Error.WriteLineAsync($"No account named {userName}.");
                return ExitCodes.Failed;
            }

            return await action(admin, account);
        }, ct);
}
