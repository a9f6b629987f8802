using AssetMap.Domain.Accounts;
using AssetMap.Domain.Persistence;
using AssetMap.Import.Importing;
using AssetMap.Import.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AssetMap.Import.Cli;

/// <summary>The importer's services: the shared DbContext (ConnectionStrings__AssetMap) and the importers.</summary>
internal static class ImporterHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // `migrate` on a fresh database makes EF log its probe of the missing history table as a failed command;
        // a command that really fails surfaces as the exception the command reports, so this log adds only noise.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        builder.Services.AddAssetMapPersistence(builder.Configuration.GetConnectionString("AssetMap"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAssetMapAccounts();
        builder.Services.AddScoped<SampleDataLoader>();
        builder.Services.AddScoped<AssetImporter>();
        return builder.Build();
    }
}

/// <summary>Exit codes: 0 everything applied, 1 rows rejected, 2 could not run.</summary>
internal static class ExitCodes
{
    public const int Done = 0;
    public const int Rejected = 1;
    public const int Failed = 2;
}
