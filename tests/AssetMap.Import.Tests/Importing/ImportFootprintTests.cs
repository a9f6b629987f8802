using System.Globalization;
using AssetMap.Domain.Spatial;
using AssetMap.Import.Importing;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.Tests.Importing;

/// <summary>An import writes its own rows and nothing else; PCN areas follow the public point, not a hidden home.</summary>
public sealed class ImportFootprintTests : SeededWorkspace
{

    [Fact]
    public async Task Importing_one_row_leaves_every_other_asset_unwritten()
    {
        var before = await VersionsAsync();
        var file = Path.Combine(Work, "hubs.csv");
        await File.WriteAllLinesAsync(file,
        [
            "Ref,Name,Summary,Town,Post Code,Categories",
            "HUB-901,Grays Riverside Hub,A hub by the river.,Grays,RM16 2JT,Community hubs",
        ], Ct);

        var report = await ImportAsync(file);
        var after = await VersionsAsync();

        Assert.Equal(1, report.Counts.Created);
        Assert.True(before.Count > 50, $"the seeded database holds {before.Count} assets");
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Empty(before.Where(b => after[b.Key] != b.Value).Select(b => b.Key));
        await using var db = Database.CreateContext();
        Assert.Equal("U81042", (await db.Hubs.AsNoTracking().SingleAsync(h => h.Source.ExternalRef == "HUB-901", Ct)).PcnAreaCode);
    }

    [Fact]
    public async Task A_hidden_home_gets_the_pcn_area_of_its_public_point_not_of_the_home()
    {
        var (home, homeArea, publicArea) = await HomeAcrossABoundaryAsync();
        var file = Path.Combine(Work, "micro-enterprises.csv");
        await File.WriteAllLinesAsync(file,
        [
            "Ref,Business name,Summary,Town,Latitude,Longitude,Categories,Home based,Show home location",
            string.Create(CultureInfo.InvariantCulture, $"ME-901,Hidden Home Helpers,Help at home.,Grays,{home.Y},{home.X},Home care,Yes,No"),
        ], Ct);

        Assert.Equal(1, (await ImportAsync(file)).Counts.Created);

        await using var db = Database.CreateContext();
        var helpers = await db.MicroEnterprises.AsNoTracking().SingleAsync(m => m.Source.ExternalRef == "ME-901", Ct);
        Assert.True(helpers.PublicLocation.EqualsExact(Geo.Coarsen(home)));
        Assert.NotEqual(homeArea, publicArea);
        Assert.Equal(publicArea, helpers.PcnAreaCode);
    }

    [Fact]
    public async Task Namesakes_in_a_later_file_get_slugs_no_earlier_file_took()
    {
        var first = Path.Combine(Work, "hubs-1.csv");
        var second = Path.Combine(Work, "hubs-2.csv");
        string[] header = ["Ref,Name,Summary,Town,Post Code,Categories"];
        await File.WriteAllLinesAsync(first, [.. header, .. Enumerable.Range(1, 3).Select(i => $"TD-{i},Tea Dance,Dancing with tea.,Grays,RM16 2JT,Community hubs")], Ct);
        await File.WriteAllLinesAsync(second, [.. header, "TD-4,Tea Dance,Dancing with tea.,Grays,RM16 2JT,Community hubs"], Ct);

        await ImportAsync(first);
        var report = await ImportAsync(second);

        Assert.Equal(1, report.Counts.Created);
        await using var db = Database.CreateContext();
        var slugs = await db.Hubs.AsNoTracking().Where(h => h.Name == "Tea Dance").OrderBy(h => h.Source.ExternalRef).Select(h => h.Slug).ToListAsync(Ct);
        Assert.Equal(["tea-dance", "tea-dance-grays", "tea-dance-grays-3", "tea-dance-grays-4"], slugs);
    }

    // A point inside one PCN area whose ~1 km public point falls inside another (searched on a 200 m grid over Thurrock).
    private async Task<(NetTopologySuite.Geometries.Point Home, string HomeArea, string PublicArea)> HomeAcrossABoundaryAsync()
    {
        var points = new List<(double Lon, double Lat, double PublicLon, double PublicLat)>();
        for (var lon = 0.20; lon <= 0.50; lon += 0.003)
        {
            for (var lat = 51.44; lat <= 51.54; lat += 0.002)
            {
                var coarse = Geo.Coarsen(Geo.Point(Math.Round(lon, 4), Math.Round(lat, 4)));
                points.Add((Math.Round(lon, 4), Math.Round(lat, 4), coarse.X, coarse.Y));
            }
        }

        await using var db = Database.CreateContext();
        var pairs = await db.Database.SqlQuery<AreaPair>(
            $"""
            SELECT p.lon, p.lat, home.code AS home_area, pub.code AS public_area
            FROM unnest({points.Select(p => p.Lon).ToArray()}, {points.Select(p => p.Lat).ToArray()},
                        {points.Select(p => p.PublicLon).ToArray()}, {points.Select(p => p.PublicLat).ToArray()}) AS p(lon, lat, plon, plat)
            JOIN pcn_areas home ON ST_Covers(home.boundary, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))
            JOIN pcn_areas pub ON ST_Covers(pub.boundary, ST_SetSRID(ST_MakePoint(p.plon, p.plat), 4326))
            WHERE home.code <> pub.code
            ORDER BY p.lon, p.lat
            LIMIT 1
            """).ToListAsync(Ct);
        var pair = Assert.Single(pairs);
        return (Geo.Point(pair.Lon, pair.Lat), pair.HomeArea, pair.PublicArea);
    }

    private async Task<Dictionary<Guid, string>> VersionsAsync()
    {
        await using var db = Database.CreateContext();
        var rows = await db.Database.SqlQuery<AssetVersion>($"SELECT id, xmin::text AS version FROM assets").ToListAsync(Ct);
        return rows.ToDictionary(r => r.Id, r => r.Version);
    }

    private async Task<ImportReport> ImportAsync(string file)
    {
        await using var db = Database.CreateContext();
        return await new AssetImporter(db, TimeProvider.System).ImportAsync(file, new AssetImportOptions(), Ct);
    }

    private sealed record AssetVersion(Guid Id, string Version);

    private sealed record AreaPair(double Lon, double Lat, string HomeArea, string PublicArea);
}
