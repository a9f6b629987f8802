using AssetMap.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Domain.Persistence.Configurations;

/// <summary>Identity's tables under AssetMap's names (snake_case columns come from the naming convention).</summary>
internal static class AccountConfiguration
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<Account>(account =>
        {
            account.ToTable("accounts");
            account.Property(a => a.DisplayName).HasMaxLength(200);
            // Identity names its indexes in PascalCase; keep the database's own style.
            account.HasIndex(a => a.NormalizedUserName).HasDatabaseName("ix_accounts_normalized_user_name");
            account.HasIndex(a => a.NormalizedEmail).HasDatabaseName("ix_accounts_normalized_email");
        });
        builder.Entity<IdentityRole<Guid>>(role =>
        {
            role.ToTable("roles");
            role.HasIndex(r => r.NormalizedName).HasDatabaseName("ix_roles_normalized_name");
            role.HasData(AccountRoles.Seed);
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("account_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("account_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("account_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("account_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }
}
