using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Infrastructure;

/// <summary>What the host may do to the database before serving, switched by configuration.</summary>
internal sealed class DatabaseStartupOptions
{
    /// <summary>Apply EF Core migrations at start-up (Development only; deploys and ./run.sh run <c>AssetMap.Import migrate</c>).</summary>
    public bool MigrateOnStartup { get; set; }
}

/// <summary>
/// The host never loads data: seeding belongs to the importer (<c>AssetMap.Import seed</c>, which ./run.sh runs before
/// the API starts), so the web host does not carry the importer and its spreadsheet and geodata packages.
/// </summary>
internal static partial class DatabaseStartup
{
    public static IServiceCollection AddDatabaseStartup(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<DatabaseStartupOptions>(configuration.GetSection("Database"));

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection("Database").Get<DatabaseStartupOptions>() ?? new();
        if (!options.MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AssetMapDbContext>().Database.MigrateAsync(app.Lifetime.ApplicationStopping);
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("AssetMap.Startup");
        LogMigrated(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrations applied")]
    private static partial void LogMigrated(ILogger logger);
}
