using AssetMap.Domain.Persistence;
using AssetMap.Import.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The importer CLI. Exit codes: 0 done, 1 data rejected, 2 could not run. The spreadsheet and geodata
// commands (assets, postcodes, pcn-areas) arrive with the importer issue; deploys use `migrate`.
const string Usage = """
    AssetMap importer

    Usage: dotnet run --project src/AssetMap.Import -- <command>

    Commands:
      migrate              apply the database migrations (deploys run this; the API migrates only when told to)
      seed [directory]     load the fictional sample (default: the nearest seed-data/) into an empty database

    Configuration: ConnectionStrings__AssetMap (an Npgsql connection string to a PostGIS database).
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

var builder = Host.CreateApplicationBuilder();
builder.Services.AddAssetMapPersistence(builder.Configuration.GetConnectionString("AssetMap"));
builder.Services.AddScoped<SampleDataLoader>();
using var host = builder.Build();
await using var scope = host.Services.CreateAsyncScope();
var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();

try
{
    switch (args[0])
    {
        case "migrate":
            await db.Database.MigrateAsync();
            Console.WriteLine("Database is up to date.");
            return 0;
        case "seed":
            var directory = args.Length > 1 ? args[1] : SampleDataLoader.FindSampleDirectory(Environment.CurrentDirectory);
            if (directory is null)
            {
                await Console.Error.WriteLineAsync("No seed-data/ folder found; pass its path.");
                return 2;
            }

            var loaded = await scope.ServiceProvider.GetRequiredService<SampleDataLoader>().LoadIfEmptyAsync(directory, CancellationToken.None);
            Console.WriteLine(loaded ? $"Loaded the sample from {directory}." : "The database already holds data: nothing loaded.");
            return 0;
        default:
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.\n\n{Usage}");
            return 2;
    }
}
catch (SampleDataException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
