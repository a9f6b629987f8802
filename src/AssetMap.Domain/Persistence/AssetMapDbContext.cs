using AssetMap.Domain.Accounts;
using AssetMap.Domain.Assets;
using AssetMap.Domain.History;
using AssetMap.Domain.Places;
using AssetMap.Domain.Suggestions;
using AssetMap.Domain.Taxonomy;
using AssetMap.Domain.TimeBank;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AssetMap.Domain.Persistence;

/// <summary>
/// The one database: PostgreSQL + PostGIS. Api and Import both use it; nothing else talks to the database. It is also
/// ASP.NET Core Identity's store (accounts, roles), so people and the records they change live in one place.
/// </summary>
public sealed class AssetMapDbContext(DbContextOptions<AssetMapDbContext> options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options)
{
    /// <summary>Hubs, micro-enterprises and activities (one table).</summary>
    public DbSet<Asset> Assets => Set<Asset>();

    /// <summary>Community hubs.</summary>
    public DbSet<CommunityHub> Hubs => Set<CommunityHub>();

    /// <summary>Micro-enterprises.</summary>
    public DbSet<MicroEnterprise> MicroEnterprises => Set<MicroEnterprise>();

    /// <summary>Social-prescribing activities.</summary>
    public DbSet<SocialPrescribingActivity> Activities => Set<SocialPrescribingActivity>();

    /// <summary>The category taxonomy.</summary>
    public DbSet<Category> Categories => Set<Category>();

    /// <summary>PCN areas and their boundaries.</summary>
    public DbSet<PcnArea> PcnAreas => Set<PcnArea>();

    /// <summary>The postcode directory.</summary>
    public DbSet<PostcodeLocation> Postcodes => Set<PostcodeLocation>();

    /// <summary>Time-bank members (private).</summary>
    public DbSet<TimeBankMember> TimeBankMembers => Set<TimeBankMember>();

    /// <summary>The time-bank ledger.</summary>
    public DbSet<TimeBankExchange> TimeBankExchanges => Set<TimeBankExchange>();

    /// <summary>The double-entry lines of the ledger: two per exchange, summing to zero.</summary>
    public DbSet<TimeBankEntry> TimeBankEntries => Set<TimeBankEntry>();

    /// <summary>Time banks and their brokers.</summary>
    public DbSet<LocalTimeBank> TimeBanks => Set<LocalTimeBank>();

    /// <summary>Every change to every record, from any path.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Changes the public proposed, waiting for an editor.</summary>
    public DbSet<Suggestion> Suggestions => Set<Suggestion>();

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampAuditTimes();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampAuditTimes();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Configurations.AccountConfiguration.Apply(builder);
        builder.HasPostgresExtension("postgis");
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AssetMapDbContext).Assembly);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Postcode>().HaveConversion<Converters.PostcodeConverter>().HaveMaxLength(8);
        configurationBuilder.Properties<OpeningHours>().HaveConversion<Converters.OpeningHoursConverter>();
        configurationBuilder.Properties<Money>().HaveConversion<Converters.MoneyConverter>();
        configurationBuilder.Properties<Hours>().HaveConversion<Converters.HoursConverter>();
        configurationBuilder.Properties<AssetStatus>().HaveConversion<Converters.SnakeCaseEnumConverter<AssetStatus>>();
        configurationBuilder.Properties<AssetKind>().HaveConversion<Converters.SnakeCaseEnumConverter<AssetKind>>();
        configurationBuilder.Properties<ReferralRoute>().HaveConversion<Converters.SnakeCaseEnumConverter<ReferralRoute>>();
    }

    // Audit times are the database's business, not each caller's: stamp them on every save.
    private void StampAuditTimes()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var entry in ChangeTracker.Entries().Where(e => e.Metadata.FindProperty("UpdatedAt") is not null))
        {
            if (entry.State == EntityState.Added)
            {
                Set(entry, "CreatedAt", now);
                Set(entry, "UpdatedAt", now);
            }
            else if (entry.State == EntityState.Modified)
            {
                Set(entry, "UpdatedAt", now);
            }
        }

        static void Set(EntityEntry entry, string property, DateTimeOffset value) => entry.Property(property).CurrentValue = value;
    }
}
