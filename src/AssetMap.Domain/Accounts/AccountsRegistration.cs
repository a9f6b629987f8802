using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Domain.Accounts;

/// <summary>
/// Identity's account rules, the same for the web host and the importer's <c>accounts</c> command: long passwords
/// rather than character classes (NCSC guidance), lockout after repeated failures, unique user names.
/// </summary>
public static class AccountsRegistration
{
    /// <summary>Shortest password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>Adds Identity's user and role managers over <see cref="AssetMapDbContext"/>, plus <see cref="AccountAdmin"/>.</summary>
    /// <param name="services">The container (needs <see cref="PersistenceRegistration.AddAssetMapPersistence"/>).</param>
    public static IdentityBuilder AddAssetMapAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountAdmin>();
        return services
            .AddIdentityCore<Account>(Configure)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AssetMapDbContext>();
    }

    /// <summary>The options, public so a host that calls AddIdentity itself can apply the same ones.</summary>
    /// <param name="options">Identity's options.</param>
    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
    }
}
