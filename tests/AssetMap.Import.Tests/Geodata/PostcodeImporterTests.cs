using AssetMap.Domain.Spatial;
using AssetMap.Import.Geodata;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;
using static AssetMap.Import.Tests.Geodata.GeodataFiles;

namespace AssetMap.Import.Tests.Geodata;

public sealed class PostcodeImporterTests(PostcodeImporterTests.Database database)
    : IClassFixture<PostcodeImporterTests.Database>, IDisposable
{
    private readonly GeodataFiles _files = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_onspd_file_is_imported_at_its_own_coordinates_and_unplaced_postcodes_are_reported()
    {
        var path = _files.OnspdCsv("ONSPD_FEB_2025_UK.csv", [
            new("QA1 1AA", 51.4778219, 0.3285371),
            new("QA1 1AB", 99.999999, 0),
            new("qa12bd", 51.5110334, 0.2394336),
            new("QA1", 51.5, 0.3),
        ]);

        var result = await ImportAsync(path);

        Assert.Equal((PostcodeFileFormat.Onspd, 4L, 2L, 2L, 2L), (result.Format, result.RowsRead, result.Imported, result.Inserted, result.Skipped));
        Assert.Equal([3, 5], result.SkippedExamples.Select(s => s.Row));
        Assert.Equal(
            new Dictionary<string, long> { [SkipReasons.NoCoordinates] = 1, [SkipReasons.InvalidPostcode] = 1 },
            result.SkippedByReason);
        Assert.Equal([new Stored("QA1 1AA", 0.3285371, 51.4778219), new Stored("QA1 2BD", 0.2394336, 51.5110334)], await StoredAsync("QA"));
    }

    [Fact]
    public async Task An_old_header_onspd_file_imports_the_same_way()
    {
        var path = _files.OnspdCsv("ONSPD_NOV_2024_UK.csv", [new("QB1 1AA", 51.4589890, 0.3707660)], OldOnspdHeader);

        var result = await ImportAsync(path);

        Assert.Equal((PostcodeFileFormat.Onspd, 1L), (result.Format, result.Inserted));
        Assert.Equal([new Stored("QB1 1AA", 0.3707660, 51.4589890)], await StoredAsync("QB"));
    }

    [Fact]
    public async Task Code_point_open_postcodes_land_within_10_metres_of_their_wgs84_position()
    {
        var thurrock = GridReferencePoints.Thurrock;
        var path = _files.CodePointCsv("qc.csv", thurrock.Select((p, i) => new CodePoint($"QC1 {i}AA", p.Easting, p.Northing)));

        var result = await ImportAsync(path);

        Assert.Equal((PostcodeFileFormat.CodePointOpen, thurrock.Count, 0L), (result.Format, (int)result.Inserted, result.Skipped));
        var stored = await StoredAsync("QC");
        Assert.Equal(thurrock.Count, stored.Count);
        Assert.All(stored, s =>
        {
            var expected = thurrock[s.Postcode[4] - '0'];
            Assert.InRange(Geo.HaversineMetres(Geo.Point(s.Lon, s.Lat), Geo.Point(expected.Longitude, expected.Latitude)), 0, 10);
        });
    }

    [Fact]
    public async Task A_code_point_zip_imports_every_data_csv_and_ignores_the_documentation()
    {
        var path = _files.CodePointZip("codepo_gb.zip", new Dictionary<string, CodePoint[]>
        {
            ["qd.csv"] = [new("QD1 1AA", 561800, 178000), new("QD1 1AB", 0, 0, Quality: 90)],
            ["qe.csv"] = [new("QE1 1AA", 564800, 176000), new("QE1 1AB", 568500, 182500)],
        });

        var result = await ImportAsync(path);

        Assert.Equal((PostcodeFileFormat.CodePointOpen, 4L, 3L, 1L), (result.Format, result.RowsRead, result.Inserted, result.Skipped));
        Assert.Equal("codepo_gb.zip!Data/CSV/qd.csv", Assert.Single(result.SkippedExamples).Sheet);
        Assert.Equal(["QD1 1AA", "QE1 1AA", "QE1 1AB"], (await StoredAsync("QD")).Concat(await StoredAsync("QE")).Select(s => s.Postcode));
    }

    [Fact]
    public async Task Importing_again_reports_unchanged_and_a_moved_postcode_is_updated()
    {
        Onspd[] rows = [new("QF1 1AA", 51.47, 0.32), new("QF1 1AB", 51.48, 0.33), new("QF1 1AD", 51.49, 0.34)];
        await ImportAsync(_files.OnspdCsv("first.csv", rows));

        var again = await ImportAsync(_files.OnspdCsv("again.csv", rows));
        var moved = await ImportAsync(_files.OnspdCsv("moved.csv", [rows[0], rows[1] with { Latitude = 51.4801 }, rows[2], new("QF1 1AE", 51.5, 0.35)]));

        Assert.Equal((0L, 0L, 3L), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((1L, 1L, 2L), (moved.Inserted, moved.Updated, moved.Unchanged));
        Assert.Equal(51.4801, (await StoredAsync("QF")).Single(s => s.Postcode == "QF1 1AB").Lat);
    }

    [Fact]
    public async Task A_postcode_repeated_in_the_file_takes_its_last_position_and_is_counted()
    {
        var path = _files.OnspdCsv("dups.csv", [new("QG1 1AA", 51.40, 0.30), new("QG1 1AB", 51.41, 0.31), new("qg11aa", 51.42, 0.32)]);

        var result = await ImportAsync(path);

        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.Inserted, result.Duplicates));
        Assert.Equal(51.42, (await StoredAsync("QG")).Single(s => s.Postcode == "QG1 1AA").Lat);
    }

    [Fact]
    public async Task A_cancelled_import_leaves_the_table_as_it_was()
    {
        await ImportAsync(_files.OnspdCsv("before.csv", [new("QH1 1AA", 51.40, 0.30), new("QH1 1AB", 51.41, 0.31)]));
        var before = await StoredAsync("QH");
        // Moves both existing postcodes and adds 3 × ProgressEvery more, so the cancel lands mid-COPY.
        var path = _files.OnspdCsv("big.csv", Enumerable.Range(0, 3 * PostcodeImporter.ProgressEvery)
            .Select(i => new Onspd($"QH{(i / 6760) + 1} {i / 676 % 10}{(char)('A' + (i / 26 % 26))}{(char)('A' + (i % 26))}", 51.5, 0.4)));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new SynchronousProgress(read => cancel.Cancel());

        await using (var db = database.Db.CreateContext())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => new PostcodeImporter(db).ImportAsync(path, progress, cancel.Token));
        }

        Assert.Equal([PostcodeImporter.ProgressEvery], progress.Reports);
        Assert.Equal(before, await StoredAsync("QH"));
    }

    [Fact]
    public async Task Progress_is_reported_as_rows_are_read()
    {
        var path = _files.OnspdCsv("progress.csv", Enumerable.Range(0, PostcodeImporter.ProgressEvery + 5)
            .Select(i => new Onspd($"QJ{(i / 6760) + 1} {i / 676 % 10}{(char)('A' + (i / 26 % 26))}{(char)('A' + (i % 26))}", 51.5, 0.4)));
        var progress = new SynchronousProgress(_ => { });

        var result = await ImportAsync(path, progress);

        Assert.Equal([PostcodeImporter.ProgressEvery, PostcodeImporter.ProgressEvery + 5], progress.Reports);
        Assert.Equal(PostcodeImporter.ProgressEvery + 5, result.Inserted);
    }

    private async Task<PostcodeImportResult> ImportAsync(string path, IProgress<long>? progress = null)
    {
        await using var db = database.Db.CreateContext();
        return await new PostcodeImporter(db).ImportAsync(path, progress, Ct);
    }

    private async Task<List<Stored>> StoredAsync(string area)
    {
        await using var db = database.Db.CreateContext();
        var pattern = area + "%";
        return await db.Database.SqlQuery<Stored>(
            $"""
            SELECT postcode, ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat
            FROM postcodes WHERE postcode LIKE {pattern} ORDER BY postcode
            """).ToListAsync(Ct);
    }

    public sealed record Stored(string Postcode, double Lon, double Lat);

    /// <summary>One database for the class: every test works in its own made-up postcode area.</summary>
    public sealed class Database : IAsyncLifetime
    {
        public TestDatabase Db { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Db = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private sealed class SynchronousProgress(Action<long> onReport) : IProgress<long>
    {
        public List<long> Reports { get; } = [];

        public void Report(long value)
        {
            Reports.Add(value);
            onReport(value);
        }
    }
}
