using System.Globalization;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Import.Geodata;
using AssetMap.Import.Importing;
using AssetMap.Import.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AssetMap.Import.Benchmarks;

/// <summary>One measured phase.</summary>
internal sealed record PhaseResult(string Phase, long Rows, TimeSpan Elapsed, double PeakMegabytes)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}

/// <summary>
/// Imports generated files into a scratch database on the configured server and times each import next to a
/// baseline measured in the same run: PostgreSQL COPY of the same rows into a bare table.
/// </summary>
internal sealed class ImportBenchmark(string serverConnectionString, string seedDirectory, TextWriter log)
{
    public async Task<IReadOnlyList<PhaseResult>> RunAsync(int assets, int postcodes, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("assetmap-bench-").FullName;
        var database = $"assetmap_bench_{Guid.NewGuid():N}"[..30];
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        var scratch = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"", ct);
        try
        {
            await using (var db = Context(scratch))
            {
                await db.Database.MigrateAsync(ct);
                await new SampleDataLoader(db, NullLogger<SampleDataLoader>.Instance).LoadIfEmptyAsync(seedDirectory, ct);
            }

            var assetFile = Path.Combine(work, "micro-enterprises.csv");
            var postcodeFile = Path.Combine(work, "onspd.csv");
            log.WriteLine($"Generating {assets:N0} asset rows and {postcodes:N0} postcode rows in {work}…");
            BenchmarkFiles.WriteAssets(assetFile, assets);
            BenchmarkFiles.WritePostcodes(postcodeFile, postcodes);

            var results = new List<PhaseResult>
            {
                await MeasureAsync("assets: COPY into a bare table (baseline)", assets, () => CopyAsync(scratch, assetFile, 14, ct)),
                await MeasureAsync("assets: importer", assets, () => ImportAssetsAsync(scratch, assetFile, ct)),
                // The weekly case: the officer sends the same sheet again; every row is matched and found unchanged.
                await MeasureAsync("assets: importer, same file again", assets, () => ImportAssetsAsync(scratch, assetFile, ct)),
                await MeasureAsync("postcodes: COPY into a bare table (baseline)", postcodes, () => CopyAsync(scratch, postcodeFile, 9, ct)),
                await MeasureAsync("postcodes: importer", postcodes, async () =>
                {
                    await using var db = Context(scratch);
                    var result = await new PostcodeImporter(db).ImportAsync(postcodeFile, null, ct);
                    log.WriteLine($"  importer result: {result.Imported:N0} imported, {result.Skipped:N0} skipped");
                }),
            };
            return results;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task ImportAssetsAsync(string connectionString, string file, CancellationToken ct)
    {
        await using var db = Context(connectionString);
        var report = await new AssetImporter(db, TimeProvider.System).ImportAsync(file, new AssetImportOptions(Kind: AssetKind.MicroEnterprise), ct);
        log.WriteLine($"  importer report: {report.Counts}");
    }

    private async Task<PhaseResult> MeasureAsync(string phase, long rows, Func<Task> run)
    {
        log.WriteLine($"{phase}…");
        await using var meter = new PhaseMeter();
        await run();
        await meter.DisposeAsync();
        return new PhaseResult(phase, rows, meter.Elapsed, meter.PeakMegabytes);
    }

    // The floor: PostgreSQL reading the same CSV rows into text columns, no checks, no indexes.
    private static async Task CopyAsync(string connectionString, string file, int columns, CancellationToken ct)
    {
        var table = $"bench_raw_{columns}";
        var columnList = string.Join(", ", Enumerable.Range(1, columns).Select(i => string.Create(CultureInfo.InvariantCulture, $"c{i} text")));
        await ExecuteAsync(connectionString, $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} ({columnList})", ct);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var writer = await connection.BeginTextImportAsync($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)", ct))
        using (var reader = new StreamReader(file))
        {
            var buffer = new char[1 << 16];
            int read;
            while ((read = await reader.ReadAsync(buffer, ct)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
    }

    private static AssetMapDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AssetMapDbContext>();
        PersistenceRegistration.Configure(options, connectionString);
        return new AssetMapDbContext(options.Options);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
