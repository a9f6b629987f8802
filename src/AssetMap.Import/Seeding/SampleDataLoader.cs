using AssetMap.Domain.Persistence;
using AssetMap.Import.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AssetMap.Import.Seeding;

/// <summary>
/// Loads the fictional sample in <c>seed-data/</c> into an empty database, in one transaction. A database that already
/// holds any directory data is left alone, so restarting never duplicates; an advisory lock stops two instances
/// starting together from both loading.
/// </summary>
public sealed partial class SampleDataLoader(AssetMapDbContext db, ILogger<SampleDataLoader> logger)
{
    private const long AdvisoryLockKey = 0x4153_5345_5444; // "ASSETD"

    /// <summary>Loads the sample when the database is empty; returns false (and writes nothing) otherwise.</summary>
    public async Task<bool> LoadIfEmptyAsync(string directory, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        if (await db.Assets.AnyAsync(cancellationToken) || await db.PcnAreas.AnyAsync(cancellationToken)
            || await db.Categories.AnyAsync(cancellationToken) || await db.TimeBankMembers.AnyAsync(cancellationToken))
        {
            LogSkipped(logger);
            return false;
        }

        string File(string name) => Path.Combine(directory, name);
        var pcnAreas = SamplePlaces.ReadPcnAreas(File("pcn-areas.geojson"));
        var postcodes = SamplePlaces.ReadPostcodes(File("postcodes.csv"));
        var categories = SamplePlaces.ReadCategories(File("categories.csv"));
        var banks = SampleTimeBank.ReadBanks(File("time-banks.csv"));
        var members = SampleTimeBank.ReadMembers(File("time-bank-members.csv"), postcodes, banks, categories);
        var exchanges = SampleTimeBank.ReadExchanges(File("time-bank-exchanges.csv"), members.ToDictionary(m => m.MemberRef), categories);
        db.PcnAreas.AddRange(pcnAreas);
        db.Postcodes.AddRange(postcodes.Values);
        db.Categories.AddRange(categories.Values.Distinct());
        db.TimeBanks.AddRange(banks.Values);
        db.TimeBankMembers.AddRange(members);
        db.TimeBankExchanges.AddRange(exchanges);
        await db.SaveChangesAsync(cancellationToken);

        // The asset files go through the CVS importer itself: the sample is also its worked example.
        var assets = 0;
        foreach (var file in (string[])["hubs.csv", "micro-enterprises.csv", "activities.csv"])
        {
            var report = await new AssetImporter(db, TimeProvider.System).ImportAsync(File(file), new AssetImportOptions(), cancellationToken);
            if (report.Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.Error) is { } problem)
            {
                throw new SampleDataException(file, problem.Row, problem.Column ?? "", problem.Reason);
            }

            assets += report.Counts.Created;
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();

        LogLoaded(logger, directory, pcnAreas.Count, postcodes.Count, assets, members.Count, exchanges.Count);
        return true;
    }

    /// <summary>Finds <c>seed-data/</c> in <paramref name="start"/> or the nearest folder above it.</summary>
    public static string? FindSampleDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seed-data");
            if (System.IO.File.Exists(Path.Combine(candidate, "hubs.csv")))
            {
                return candidate;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample data not loaded: the database already holds directory data")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded sample data from {Directory}: {PcnAreas} PCN areas, {Postcodes} postcodes, {Assets} assets, {Members} time-bank members, {Exchanges} exchanges")]
    private static partial void LogLoaded(ILogger logger, string directory, int pcnAreas, int postcodes, int assets, int members, int exchanges);
}
