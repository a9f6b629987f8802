using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Domain.Accounts;

/// <summary>
/// What an admin does to accounts, whichever door they come through (the <c>accounts</c> command, <c>/admin/accounts</c>,
/// <c>./run.sh</c>'s Development accounts). Every method answers with Identity's result, whose errors name the problem.
/// </summary>
public sealed class AccountAdmin(UserManager<Account> users)
{
    /// <summary>A password to hand over: 20 characters without look-alikes (about 116 bits).</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    /// <summary>Every account, by user name, with its roles.</summary>
    public async Task<IReadOnlyList<(Account Account, IReadOnlyList<string> Roles)>> ListAsync(CancellationToken ct = default)
    {
        var accounts = await users.Users.OrderBy(a => a.UserName).ToListAsync(ct);
        var list = new List<(Account, IReadOnlyList<string>)>(accounts.Count);
        foreach (var account in accounts)
        {
            list.Add((account, [.. (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal)]));
        }

        return list;
    }

    /// <summary>Finds an account by user name (case-insensitive).</summary>
    public Task<Account?> FindAsync(string userName) => users.FindByNameAsync(userName.Trim());

    /// <summary>Creates an account with a password and roles; fails when the name is taken, the password too weak or a role unknown.</summary>
    public async Task<IdentityResult> CreateAsync(string userName, string? displayName, string password, IEnumerable<string> roles)
    {
        var wanted = roles.Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        if (UnknownRole(wanted) is { } unknown)
        {
            return unknown;
        }

        var account = new Account(userName.Trim(), displayName);
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            return created;
        }

        return wanted.Count == 0 ? created : await users.AddToRolesAsync(account, wanted);
    }

    /// <summary>Disables an account: it can no longer sign in, and its cookies stop working (the security stamp changes).</summary>
    public Task<IdentityResult> DisableAsync(Account account) => SetDisabledAsync(account, true);

    /// <summary>Lets a disabled account sign in again.</summary>
    public Task<IdentityResult> EnableAsync(Account account) => SetDisabledAsync(account, false);

    /// <summary>Sets a new password (no reset token: the caller is an admin), ends any lockout and signs the account out everywhere.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(Account account, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, account, password);
            if (!valid.Succeeded)
            {
                return valid;
            }
        }

        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        await users.UpdateSecurityStampAsync(account);
        return IdentityResult.Success;
    }

    /// <summary>Adds a role.</summary>
    public async Task<IdentityResult> AddRoleAsync(Account account, string role)
    {
        var name = role.Trim().ToLowerInvariant();
        return UnknownRole([name]) ?? (await users.IsInRoleAsync(account, name) ? IdentityResult.Success : await users.AddToRoleAsync(account, name));
    }

    /// <summary>Makes the account's roles exactly <paramref name="roles"/>; it is signed out everywhere so the change shows at once.</summary>
    public async Task<IdentityResult> SetRolesAsync(Account account, IEnumerable<string> roles)
    {
        var wanted = roles.Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        if (UnknownRole(wanted) is { } unknown)
        {
            return unknown;
        }

        var held = await users.GetRolesAsync(account);
        var removed = await users.RemoveFromRolesAsync(account, held.Except(wanted));
        if (!removed.Succeeded)
        {
            return removed;
        }

        var added = await users.AddToRolesAsync(account, wanted.Except(held));
        return added.Succeeded ? await users.UpdateSecurityStampAsync(account) : added;
    }

    private async Task<IdentityResult> SetDisabledAsync(Account account, bool disabled)
    {
        account.Disabled = disabled;
        var updated = await users.UpdateAsync(account);
        return updated.Succeeded ? await users.UpdateSecurityStampAsync(account) : updated;
    }

    private static IdentityResult? UnknownRole(IEnumerable<string> roles) =>
        roles.FirstOrDefault(r => !AccountRoles.IsKnown(r)) is { } unknown
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "UnknownRole",
                Description = $"'{unknown}' is not a role; roles are {string.Join(", ", AccountRoles.Names)}.",
            })
            : null;
}
