using System.CommandLine;
using AssetMap.Domain.Persistence;
using AssetMap.Import.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Import.Cli;

/// <summary><c>migrate</c> and <c>seed</c>.</summary>
internal static class DatabaseCommands
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Apply the database migrations (deploys run this; the API migrates only when told to).");
        command.SetAction(async (_, ct) =>
        {
            using var host = ImporterHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AssetMapDbContext>().Database.MigrateAsync(ct);
            Console.WriteLine("Database is up to date.");
            return ExitCodes.Done;
        });
        return command;
    }

    public static Command Seed()
    {
        var directory = new Argument<DirectoryInfo?>("directory") { Description = "The sample folder (default: the nearest seed-data/).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("seed", "Load the fictional sample into an empty database.") { directory };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(directory)?.FullName ?? SampleDataLoader.FindSampleDirectory(Environment.CurrentDirectory);
            if (path is null)
            {
                await Console.Error.WriteLineAsync("No seed-data/ folder found; pass its path.");
                return ExitCodes.Failed;
            }

            using var host = ImporterHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            try
            {
                var loaded = await scope.ServiceProvider.GetRequiredService<SampleDataLoader>().LoadIfEmptyAsync(path, ct);
                Console.WriteLine(loaded ? $"Loaded the sample from {path}." : "The database already holds data: nothing loaded.");
                return ExitCodes.Done;
            }
            catch (SampleDataException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Rejected;
            }
        });
        return command;
    }
}
