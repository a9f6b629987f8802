using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace AssetMap.Domain.Persistence;

/// <summary>Wires the DbContext the same way for the API, the importer and the tests.</summary>
public static class PersistenceRegistration
{
    /// <summary>Adds <see cref="AssetMapDbContext"/> on PostgreSQL + PostGIS; fails fast without a connection string.</summary>
    /// <param name="services">The container.</param>
    /// <param name="connectionString">The PostGIS database.</param>
    /// <param name="provider">
    /// More provider options for this host only: the API adds a command timeout and retries of transient read failures.
    /// The importer adds none, because a retrying strategy forbids its explicit transactions and would replay writes.
    /// </param>
    public static IServiceCollection AddAssetMapPersistence(this IServiceCollection services, string? connectionString,
        Action<NpgsqlDbContextOptionsBuilder>? provider = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:AssetMap is not set. Use ./run.sh, or set ConnectionStrings__AssetMap to a PostGIS database.");
        }

        return services.AddDbContext<AssetMapDbContext>(options => options
            .UseNpgsql(connectionString, npgsql =>
            {
                Npgsql(npgsql);
                provider?.Invoke(npgsql);
            })
            .UseSnakeCaseNamingConvention());
    }

    /// <summary>The provider options, shared with design-time tooling and tests.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, Npgsql).UseSnakeCaseNamingConvention();

    private static void Npgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.UseNetTopologySuite().MigrationsHistoryTable("__ef_migrations_history");
}
