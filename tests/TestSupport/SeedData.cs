using AssetMap.Import.Seeding;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetMap.TestSupport;

/// <summary>The committed sample in <c>seed-data/</c>, found from the test binaries.</summary>
public static class SeedData
{
    /// <summary>Absolute path of <c>seed-data/</c>.</summary>
    public static string Directory { get; } = SampleDataLoader.FindSampleDirectory(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("seed-data/ was not found above " + AppContext.BaseDirectory);

    /// <summary>A new database holding the sample.</summary>
    public static async Task<TestDatabase> CreateSeededDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var database = await TestDatabase.CreateAsync(cancellationToken);
        await using var db = database.CreateContext();
        await new SampleDataLoader(db, NullLogger<SampleDataLoader>.Instance).LoadIfEmptyAsync(Directory, cancellationToken);
        return database;
    }
}
