using AssetMap.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.TestSupport;

/// <summary>Real accounts in a test host's database, made through the same <see cref="AccountAdmin"/> the admin pages use.</summary>
public static class TestAccounts
{
    /// <summary>A password long enough for the account rules.</summary>
    public const string Password = "correct-horse-battery";

    /// <summary>Creates <paramref name="userName"/> with <paramref name="roles"/> and <see cref="Password"/>; fails the test if Identity refuses.</summary>
    public static async Task CreateAsync(IServiceProvider services, string userName, params string[] roles)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync(userName, $"Test {userName}", Password, roles);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Disables or enables an account, as an admin would.</summary>
    public static async Task SetDisabledAsync(IServiceProvider services, string userName, bool disabled)
    {
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        var account = await admin.FindAsync(userName) ?? throw new InvalidOperationException($"No account {userName}");
        var result = disabled ? await admin.DisableAsync(account) : await admin.EnableAsync(account);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
