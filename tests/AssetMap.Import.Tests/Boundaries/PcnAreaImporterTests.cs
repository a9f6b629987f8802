using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using AssetMap.Import.Boundaries;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using static AssetMap.Import.Tests.Boundaries.BoundaryFiles;

namespace AssetMap.Import.Tests.Boundaries;

public sealed class PcnAreaImporterTests : IDisposable
{
    private static readonly string SampleFile = Path.Combine(SeedData.Directory, "pcn-areas.geojson");

    private readonly BoundaryFiles _files = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sample_boundaries_import_as_four_new_areas_and_reimport_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        await using var db = database.CreateContext();

        var first = await new PcnAreaImporter(db).ImportAsync(SampleFile, null, null, dryRun: false, Ct);
        var second = await new PcnAreaImporter(db).ImportAsync(SampleFile, null, null, dryRun: false, Ct);

        Assert.Empty(first.Problems);
        Assert.Equal((4326, 4, 0, 0, true), (first.SourceSrid, first.Created, first.Updated, first.Unchanged, first.Applied));
        Assert.Equal((0, 0, 4), (second.Created, second.Updated, second.Unchanged));
        Assert.Empty(second.MissingFromFile);
        Assert.Equal(
            ["Aveley, South Ockendon and Purfleet", "Grays", "Stanford-le-Hope and Corringham", "Tilbury and Chadwell"],
            await db.PcnAreas.Select(p => p.Locality).OrderBy(l => l).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_changed_boundary_updates_the_area_and_moves_an_asset_out_of_it()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        await using var db = database.CreateContext();
        await new PcnAreaImporter(db).ImportAsync(SampleFile, null, null, dryRun: false, Ct);
        var hub = await AddHubAsync(db, 0.3295, 51.4846); // Grays town centre
        var shrunk = _files.Write("grays.geojson", Collection(Pcn("U81042", "Grays PCN", Square(0.33, 51.455, 0.35, 51.47))));

        var result = await new PcnAreaImporter(db).ImportAsync(shrunk, null, null, dryRun: false, Ct);

        Assert.Empty(result.Problems);
        Assert.Equal((0, 1, 0, 1), (result.Created, result.Updated, result.Unchanged, result.AssetsReassigned));
        Assert.Equal(["U81041", "U81043", "U81044"], result.MissingFromFile);
        Assert.Equal(4, await db.PcnAreas.CountAsync(Ct));
        Assert.NotEqual("U81042", await db.Hubs.Where(h => h.Id == hub.Id).Select(h => h.PcnAreaCode).SingleAsync(Ct));
        var grays = await db.PcnAreas.AsNoTracking().SingleAsync(p => p.Code == "U81042", Ct);
        Assert.True(grays.Boundary.Covers(Geo.Point(0.34, 51.46)));

        // The move is in the hub's history, by the system, with the area before and after.
        var moved = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == hub.Id).OrderBy(e => e.Id).LastAsync(Ct);
        Assert.Equal(("updated", "system", Domain.History.AuditSource.System), (moved.Action, moved.Actor, moved.Source));
        var change = Assert.Single(moved.Changes);
        Assert.Equal(("pcnAreaCode", "U81042"), (change.Field, change.Before));
        Assert.NotEqual("U81042", change.After);
    }

    [Fact]
    public async Task A_dry_run_reports_the_changes_but_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        await using var db = database.CreateContext();
        var hub = await AddHubAsync(db, 0.3295, 51.4846);

        var result = await new PcnAreaImporter(db).ImportAsync(SampleFile, null, null, dryRun: true, Ct);

        Assert.Equal((4, 1, false), (result.Created, result.AssetsReassigned, result.Applied));
        Assert.Equal(0, await db.PcnAreas.CountAsync(Ct));
        Assert.Null(await db.Hubs.Where(h => h.Id == hub.Id).Select(h => h.PcnAreaCode).SingleAsync(Ct));
    }

    [Fact]
    public async Task British_national_grid_geojson_and_shapefiles_are_stored_in_wgs84()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        await using var db = database.CreateContext();
        var geoJson = _files.Write("bng.geojson", CollectionWithCrs("EPSG:27700", Pcn("U81042", "Grays PCN", Square(560000, 177000, 563000, 180000))));
        var shapefile = _files.WriteBritishNationalGridShapefile("pcns.shp", ("U81043", "Tilbury and Chadwell PCN", new Envelope(563000, 566000, 176000, 179000)));

        var fromGeoJson = await new PcnAreaImporter(db).ImportAsync(geoJson, null, null, dryRun: false, Ct);
        var fromShapefile = await new PcnAreaImporter(db).ImportAsync(shapefile, null, null, dryRun: false, Ct);

        Assert.Equal((27700, 1), (fromGeoJson.SourceSrid, fromGeoJson.Created));
        Assert.Equal((27700, 1), (fromShapefile.SourceSrid, fromShapefile.Created));
        Assert.Equal(["U81042"], fromShapefile.MissingFromFile);
        var areas = await db.PcnAreas.AsNoTracking().OrderBy(p => p.Code).ToListAsync(Ct);
        Assert.All(GraysCorners, c => Assert.InRange(MetresToNearestVertex(areas[0].Boundary, c.Longitude, c.Latitude), 0, 10));
        Assert.Equal(("Tilbury and Chadwell", Geo.Srid), (areas[1].Locality, areas[1].Boundary.SRID));
        Assert.InRange(areas[1].Boundary.Centroid.X, 0.34, 0.40);
    }

    [Fact]
    public async Task Named_code_and_name_properties_are_used_instead_of_the_usual_ones()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        await using var db = database.CreateContext();
        var path = _files.Write("custom.geojson", Collection(Feature(
            "\"code\":\"not used\",\"ODS\":\"U81042\",\"Label\":\"Grays PCN\",\"locality\":\"Grays and West Thurrock\"",
            Square(0.30, 51.47, 0.34, 51.49))));

        var result = await new PcnAreaImporter(db).ImportAsync(path, "ods", "label", dryRun: false, Ct);

        Assert.Empty(result.Problems);
        var area = await db.PcnAreas.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(("U81042", "Grays PCN", "Grays and West Thurrock"), (area.Code, area.Name, area.Locality));
    }

    public void Dispose() => _files.Dispose();

    private static async Task<CommunityHub> AddHubAsync(AssetMapDbContext db, double longitude, double latitude)
    {
        var hub = CommunityHub.Create(new AssetProfile(
            "Boundary Test Hub", "A hub for boundary tests.", null,
            new Address("1 Orsett Road", "Grays", Postcode.Parse("RM17 5BN")),
            Geo.Point(longitude, latitude),
            new Contact("01632 960001", "hub@example.org", "example.org/hub"),
            true, null, AssetStatus.Published, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
            new AssetSource("BT-1", "test.csv", null, 2)), [], null, []);
        db.Hubs.Add(hub);
        await db.SaveChangesAsync(Ct);
        await db.AssignPcnAreasAsync(Ct);
        db.ChangeTracker.Clear();
        return hub;
    }
}
