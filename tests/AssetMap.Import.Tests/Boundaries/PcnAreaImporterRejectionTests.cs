using AssetMap.Import.Boundaries;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;
using static AssetMap.Import.Tests.Boundaries.BoundaryFiles;

namespace AssetMap.Import.Tests.Boundaries;

// Rejected files write nothing, so the tests can share one empty database.
public sealed class PcnAreaImporterRejectionTests(EmptyDatabaseFixture fixture) : IClassFixture<EmptyDatabaseFixture>, IDisposable
{
    private static readonly string Aveley = Pcn("U81041", "Aveley, South Ockendon and Purfleet PCN", Square(0.21, 51.47, 0.30, 51.55));

    private readonly BoundaryFiles _files = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_code_that_is_not_an_ods_code_rejects_the_whole_file_and_writes_nothing()
    {
        var path = _files.Write("bad-code.geojson", Collection(Aveley, Pcn("GRAYS", "Grays PCN", Square(0.30, 51.47, 0.34, 51.49))));

        var (result, stored) = await ImportAsync(path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "code"), (problem.Row, problem.Column));
        Assert.Contains("'GRAYS' is not an ODS code", problem.Reason, StringComparison.Ordinal);
        Assert.Equal((0, false), (result.Created, result.Applied));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task A_code_used_twice_rejects_the_file_naming_both_features()
    {
        var path = _files.Write("duplicate.geojson", Collection(
            Aveley,
            Pcn("U81042", "Grays PCN", Square(0.30, 51.47, 0.34, 51.49)),
            Pcn("u81042 ", "Grays West PCN", Square(0.28, 51.47, 0.30, 51.49))));

        var (result, stored) = await ImportAsync(path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, "code"), (problem.Row, problem.Column));
        Assert.Contains("features 2 (Grays PCN) and 3 (Grays West PCN)", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task A_point_feature_rejects_the_file()
    {
        var path = _files.Write("point.geojson", Collection(Aveley, Pcn("U81042", "Grays PCN", Point(0.32, 51.48))));

        var (result, stored) = await ImportAsync(path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "geometry"), (problem.Row, problem.Column));
        Assert.Contains("not a Point", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task A_file_that_is_not_geojson_is_one_file_level_problem()
    {
        var path = _files.Write("broken.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature",""");

        var (result, stored) = await ImportAsync(path);

        Assert.Equal((0, "file"), (Assert.Single(result.Problems).Row, result.Problems[0].Column));
        Assert.Equal(0, stored);
    }

    public void Dispose() => _files.Dispose();

    private async Task<(BoundaryImportResult Result, int Stored)> ImportAsync(string path)
    {
        await using var db = fixture.Database.CreateContext();
        var result = await new PcnAreaImporter(db).ImportAsync(path, null, null, dryRun: false, Ct);
        return (result, await db.PcnAreas.CountAsync(Ct));
    }
}
