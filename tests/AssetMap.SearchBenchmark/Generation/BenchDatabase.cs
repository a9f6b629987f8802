using System.Diagnostics;
using System.Globalization;
using System.Text;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Import.Geodata;
using AssetMap.Import.Importing;
using AssetMap.Import.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AssetMap.SearchBenchmark.Generation;

/// <summary>
/// The benchmark's own database, <c>assetmap_bench_&lt;entries&gt;</c> on the configured server: migrated with the
/// importer's migrations, then categories, PCN areas, postcodes and entries written the way an import writes them.
/// Reused when a previous run completed it for the same entry count and generator version and no migration is pending
/// (a new column must be filled by a fresh load, so a pending migration means regenerate).
/// </summary>
internal sealed class BenchDatabase(string serverConnectionString, string seedDirectory, TextWriter log)
{
    private const int Seed = 20_261_130;
    private const int Batch = 20_000;
    private const string GeneratorVersion = "2";

    public static TownPlaces Places(int entries) => new(Math.Clamp(entries / 20, 2_000, 100_000), Seed);

    /// <summary>Makes sure the database holds <paramref name="entries"/> entries; returns its connection string.</summary>
    public async Task<string> EnsureAsync(int entries, bool regenerate, CancellationToken ct)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"assetmap_bench_{entries}");
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        var target = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        var marker = string.Create(CultureInfo.InvariantCulture, $"assetmap search benchmark v{GeneratorVersion}: {entries} entries, complete");

        if (!regenerate && await CommentAsync(admin, name, ct) == marker)
        {
            await using var db = Context(target);
            if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                log.WriteLine($"Reusing database {name} ({entries:N0} entries).");
                return target;
            }

            log.WriteLine($"Database {name} misses migrations: loading it again so every column is filled.");
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", ct);
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"", ct);
        var clock = Stopwatch.StartNew();
        await LoadAsync(target, entries, ct);
        await ExecuteAsync(admin, $"COMMENT ON DATABASE \"{name}\" IS '{marker}'", ct);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded {entries:N0} entries into {name} in {clock.Elapsed.TotalSeconds:F0} s."));
        return target;
    }

    private async Task LoadAsync(string connectionString, int entries, CancellationToken ct)
    {
        var places = Places(entries);
        await using var db = Context(connectionString);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.MigrateAsync(ct);

        // The real taxonomy, written as the sample loader writes it.
        var categories = SamplePlaces.ReadCategories(Path.Combine(seedDirectory, "categories.csv")).Values.Distinct().ToList();
        db.Categories.AddRange(categories);
        var areas = places.PcnAreas().ToList();
        db.PcnAreas.AddRange(areas);
        await db.SaveChangesAsync(ct);
        log.WriteLine($"  {categories.Count} categories, {areas.Count:N0} PCN areas");

        // Postcodes through the importer's ONSPD path (COPY into staging, then upsert).
        var file = Path.Combine(Path.GetTempPath(), $"assetmap-bench-onspd-{Environment.ProcessId}.csv");
        try
        {
            await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
            {
                await writer.WriteLineAsync("pcd7,pcd8,pcds,dointr,doterm,oseast1m,osnrth1m,lat,long");
                foreach (var p in places.AllPostcodes)
                {
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{p.Code},{p.Code},{p.Code},202601,,,,{p.Latitude:F6},{p.Longitude:F6}"));
                }
            }

            var result = await new PostcodeImporter(db).ImportAsync(file, null, ct);
            log.WriteLine($"  {result.Inserted:N0} postcodes");
        }
        finally
        {
            File.Delete(file);
        }

        // Entries through the importer's binary COPY, a transaction per batch, like an import of many sheets.
        var leaves = categories.Where(c => c.ParentId is not null).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var generator = new EntryGenerator(leaves, places, Seed);
        var copy = new AssetCopy(db);
        var now = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(ct);
        for (var start = 0; start < entries; start += Batch)
        {
            var assets = new List<Asset>(Batch);
            for (var i = start; i < Math.Min(entries, start + Batch); i++)
            {
                assets.Add(generator.Create(i));
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await copy.WriteAsync(db, assets, now, ct);
            await transaction.CommitAsync(ct);
            if ((start / Batch % 10 == 9) || start + Batch >= entries)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Math.Min(entries, start + Batch):N0} entries ({clock.Elapsed.TotalSeconds:F0} s)"));
            }
        }

        await db.Database.CloseConnectionAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var assigned = await db.AssignPcnAreasAsync(ct);
        log.WriteLine($"  {assigned:N0} entries inside a PCN area");
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE", ct);
    }

    private static async Task<string?> CommentAsync(string admin, string name, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = name } },
        };
        return await command.ExecuteScalarAsync(ct) as string;
    }

    internal static AssetMapDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AssetMapDbContext>();
        PersistenceRegistration.Configure(options, connectionString);
        return new AssetMapDbContext(options.Options);
    }

    internal static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
