using AssetMap.Domain.Persistence;
using AssetMap.Import.Seeding;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Infrastructure;

/// <summary>What the host may do to the database before serving: both switched by configuration.</summary>
internal sealed class DatabaseStartupOptions
{
    /// <summary>Apply EF Core migrations at start-up (./run.sh and Development; deploys run <c>AssetMap.Import migrate</c>).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Load <c>seed-data/</c> when the database holds no directory data.</summary>
    public bool SeedOnStartup { get; set; }

    /// <summary>Where the sample is; empty means the nearest <c>seed-data/</c> above the working or content folder.</summary>
    public string? SeedDirectory { get; set; }
}

internal static partial class DatabaseStartup
{
    public static IServiceCollection AddDatabaseStartup(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseStartupOptions>(configuration.GetSection("Database"));
        return services.AddScoped<SampleDataLoader>();
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection("Database").Get<DatabaseStartupOptions>() ?? new();
        await using var scope = app.Services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("AssetMap.Startup");
        if (options.MigrateOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<AssetMapDbContext>().Database.MigrateAsync(app.Lifetime.ApplicationStopping);
            LogMigrated(logger);
        }

        if (options.SeedOnStartup)
        {
            var directory = string.IsNullOrWhiteSpace(options.SeedDirectory)
                ? SampleDataLoader.FindSampleDirectory(Environment.CurrentDirectory)
                  ?? SampleDataLoader.FindSampleDirectory(app.Environment.ContentRootPath)
                : options.SeedDirectory;
            if (directory is null)
            {
                throw new InvalidOperationException("Database:SeedOnStartup is on but no seed-data/ folder was found; set Database:SeedDirectory.");
            }

            await scope.ServiceProvider.GetRequiredService<SampleDataLoader>().LoadIfEmptyAsync(directory, app.Lifetime.ApplicationStopping);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrations applied")]
    private static partial void LogMigrated(ILogger logger);
}
