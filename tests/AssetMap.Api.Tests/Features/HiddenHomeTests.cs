using System.Globalization;
using System.Text.Json;
using AssetMap.Api.Tests.GraphQL;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Spatial;
using AssetMap.Import.Importing;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace AssetMap.Api.Tests.Features;

/// <summary>
/// A home-based business that has not opted in is shown only at its coarse point, with its outward postcode and the
/// PCN area of that point, on every public surface: one shared check over REST JSON, GeoJSON, details, PCN-area
/// searches and GraphQL. Two awkward homes: one exactly on a grid-cell centre (the coarse point equals the home), and
/// one whose home and coarse point fall in different PCN areas.
/// </summary>
public sealed class HiddenHomeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string GraphQLFields =
        "uuid location { latitude longitude } locationIsApproximate postcode address { line town postcode } pcnArea { code } "
        + "... on MicroEnterprise { homeBased serviceArea { centre { latitude longitude } radiusMetres } }";

    private sealed record Home(string Name, string Street, string Postcode, Point Exact, string? PublicArea, string? HomeArea)
    {
        public Point Coarse { get; } = Geo.Coarsen(Exact);

        public string Outward => Postcode.Split(' ')[0];
    }

    /// <summary>What one surface shows of the entry, whatever its shape.</summary>
    private sealed record Shown(string Surface, double Latitude, double Longitude, bool? Approximate, string? Line, string? Postcode, string? PcnArea, string Raw);

    [Fact]
    public async Task Every_public_surface_shows_a_hidden_home_only_at_its_coarse_point_outward_postcode_and_public_pcn_area()
    {
        var (onCentre, acrossBoundary) = await ImportHomesAsync();
        Assert.True(onCentre.Coarse.EqualsExact(onCentre.Exact), "precondition: this home sits exactly on a grid-cell centre");
        Assert.NotNull(acrossBoundary.PublicArea);
        Assert.NotEqual(acrossBoundary.HomeArea, acrossBoundary.PublicArea);

        foreach (var home in new[] { onCentre, acrossBoundary })
        {
            var shown = await ShownEverywhereAsync(home);
            Assert.True(shown.Count >= 9, $"{home.Name} was found on only {shown.Count} surfaces");
            Assert.All(shown, s => AssertShowsOnlyThePublicFace(home, s));
        }

        // The home's own PCN area must not list it: that would tell which side of the boundary the home is on.
        var homeArea = await api.CreateClient().GetAllItemsAsync($"/api/v1/pcn-areas/{acrossBoundary.HomeArea}/assets?pageSize=100");
        Assert.NotEmpty(homeArea);
        Assert.DoesNotContain(homeArea, i => i.Str("name") == acrossBoundary.Name);
    }

    private static void AssertShowsOnlyThePublicFace(Home home, Shown shown)
    {
        var where = $"{home.Name} on {shown.Surface}";
        Assert.True(Math.Abs(shown.Latitude - home.Coarse.Y) < 1e-9 && Math.Abs(shown.Longitude - home.Coarse.X) < 1e-9,
            $"{where}: shown at {shown.Latitude},{shown.Longitude}, not the coarse point {home.Coarse.Y},{home.Coarse.X}");
        Assert.True(shown.Approximate ?? true, $"{where}: locationIsApproximate is false");
        Assert.Null(shown.Line);
        Assert.True(shown.Postcode is null || shown.Postcode == home.Outward, $"{where}: postcode {shown.Postcode}");
        Assert.True(shown.PcnArea is null || shown.PcnArea == home.PublicArea, $"{where}: PCN area {shown.PcnArea}, not {home.PublicArea}");
        Assert.DoesNotContain(home.Street, shown.Raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(home.Postcode, shown.Raw, StringComparison.OrdinalIgnoreCase);
        if (!home.Coarse.EqualsExact(home.Exact))
        {
            Assert.DoesNotContain(home.Exact.Y.ToString("0.######", CultureInfo.InvariantCulture), shown.Raw, StringComparison.Ordinal);
        }
    }

    private async Task<List<Shown>> ShownEverywhereAsync(Home home)
    {
        var client = api.CreateClient();
        var shown = new List<Shown>();
        var near = string.Create(CultureInfo.InvariantCulture, $"lat={home.Coarse.Y}&lon={home.Coarse.X}&radius=3000&pageSize=100");

        var item = (await client.GetJsonAsync($"/api/v1/assets?{near}")).GetProperty("items").EnumerateArray().Single(i => i.Str("name") == home.Name);
        var id = item.Id();
        shown.Add(FromRest("REST search", item));
        var kindItem = (await client.GetJsonAsync($"/api/v1/micro-enterprises?{near}")).GetProperty("items").EnumerateArray().Single(i => i.Id() == id);
        shown.Add(FromRest("REST micro-enterprise search", kindItem));
        shown.Add(FromRest("REST PCN area search",
            (await client.GetAllItemsAsync($"/api/v1/pcn-areas/{home.PublicArea}/assets?pageSize=100")).Single(i => i.Id() == id)));

        var feature = (await client.GetJsonAsync($"/api/v1/assets.geojson?{near}")).GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").Id() == id);
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        shown.Add(FromRest("GeoJSON properties", feature.GetProperty("properties")));
        shown.Add(new Shown("GeoJSON geometry", coordinates[1].GetDouble(), coordinates[0].GetDouble(), null, null, null, null, feature.ToString()));

        foreach (var url in new[] { $"/api/v1/assets/{id}", $"/api/v1/micro-enterprises/{item.Str("slug")}" })
        {
            var detail = await client.GetJsonAsync(url);
            shown.Add(FromRest($"REST detail {url}", detail));
            var centre = detail.GetProperty("microEnterprise").GetProperty("serviceArea").GetProperty("centre");
            shown.Add(new Shown($"service area of {url}", centre.GetProperty("latitude").GetDouble(), centre.GetProperty("longitude").GetDouble(), null, null, null, null, detail.ToString()));
        }

        var searchNear = string.Create(CultureInfo.InvariantCulture, $"near: {{latitude: {home.Coarse.Y}, longitude: {home.Coarse.X}}}, radiusMetres: 3000, first: 100");
        var data = (await client.PostAsync(
            $"query($id: ID!) {{ assets({searchNear}) {{ edges {{ node {{ name {GraphQLFields} }} }} }} asset(id: $id) {{ {GraphQLFields} }} "
            + $"pcnArea(code: \"{home.PublicArea}\") {{ assets(first: 100) {{ edges {{ node {{ name {GraphQLFields} }} }} }} }} }}",
            new { id = id.ToString() })).Data();
        shown.Add(FromGraphQL("GraphQL assets", data.GetProperty("assets").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).Single(n => n.Str("uuid") == id.ToString())));
        shown.Add(FromGraphQL("GraphQL asset(id)", data.GetProperty("asset")));
        shown.Add(FromGraphQL("GraphQL pcnArea.assets",
            data.GetProperty("pcnArea").GetProperty("assets").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).Single(n => n.Str("uuid") == id.ToString())));
        var serviceArea = data.GetProperty("asset").GetProperty("serviceArea").GetProperty("centre");
        shown.Add(new Shown("GraphQL serviceArea", serviceArea.GetProperty("latitude").GetDouble(), serviceArea.GetProperty("longitude").GetDouble(), null, null, null, null, data.ToString()));
        return shown;
    }

    private static Shown FromRest(string surface, JsonElement e)
    {
        var location = e.GetProperty("location");
        var address = e.TryGetProperty("address", out var a) ? a : (JsonElement?)null;
        return new Shown(surface, location.GetProperty("latitude").GetDouble(), location.GetProperty("longitude").GetDouble(),
            e.GetProperty("locationIsApproximate").GetBoolean(), address?.TryGetProperty("line", out var line) == true ? line.GetString() : null,
            address?.TryGetProperty("postcode", out var postcode) == true ? postcode.GetString() : null,
            e.TryGetProperty("pcnAreaCode", out var pcn) ? pcn.GetString() : null, e.ToString());
    }

    private static Shown FromGraphQL(string surface, JsonElement e)
    {
        var location = e.GetProperty("location");
        var address = e.GetProperty("address");
        Assert.Equal(e.GetProperty("postcode").GetString(), address.GetProperty("postcode").GetString());
        return new Shown(surface, location.GetProperty("latitude").GetDouble(), location.GetProperty("longitude").GetDouble(),
            e.GetProperty("locationIsApproximate").GetBoolean(), address.GetProperty("line").GetString(), e.GetProperty("postcode").GetString(),
            e.GetProperty("pcnArea").ValueKind == JsonValueKind.Null ? null : e.GetProperty("pcnArea").Str("code"), e.ToString());
    }

    // Imports the two homes through the CVS importer, the way they would really arrive.
    private async Task<(Home OnCentre, Home AcrossBoundary)> ImportHomesAsync()
    {
        await using var db = api.Database.CreateContext();
        var areas = (await db.PcnAreas.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .Select(a => (a.Code, Boundary: PreparedGeometryFactory.Prepare(a.Boundary))).ToList();
        string? AreaOf(Point p) => areas.Where(a => a.Boundary.Covers(p)).Select(a => a.Code).Order(StringComparer.Ordinal).FirstOrDefault();

        // A cell centre inside an area, and a home whose cell centre lies in another area than the home itself.
        var centre = Geo.Coarsen(Geo.Point(0.3245, 51.4782));
        Point? across = null;
        for (var lat = 51.44; across is null && lat < 51.56; lat += 0.0005)
        {
            for (var lon = 0.20; lon < 0.55; lon += 0.0005)
            {
                var home = Geo.Point(Math.Round(lon, 4), Math.Round(lat, 4));
                if (AreaOf(home) is { } inside && AreaOf(Geo.Coarsen(home)) is { } shown && inside != shown)
                {
                    across = home;
                    break;
                }
            }
        }

        Assert.NotNull(across);
        var homes = new[]
        {
            new Home("Hidden Centre Pet Care", "7 Quiet Close", "RM16 2JT", centre, AreaOf(centre), AreaOf(centre)),
            new Home("Boundary Foot Care", "12 Borderline Road", "RM17 6SL", across, AreaOf(Geo.Coarsen(across)), AreaOf(across)),
        };
        var file = Path.Combine(Directory.CreateTempSubdirectory("assetmap-homes-").FullName, "homes.csv");
        await File.WriteAllLinesAsync(file,
        [
            "Ref,Organisation name,Summary,Address,Town,Postcode,Latitude,Longitude,Categories,Service radius (km),Home based,Show home location,Status",
            .. homes.Select((h, i) => string.Create(CultureInfo.InvariantCulture,
                $"HOME-{i},{h.Name},Visits people at home.,{h.Street},Grays,{h.Postcode},{h.Exact.Y},{h.Exact.X},Pet sitting,5,Yes,No,Published")),
        ], TestContext.Current.CancellationToken);
        var report = await new AssetImporter(db, TimeProvider.System).ImportAsync(file, new AssetImportOptions { Kind = Domain.Assets.AssetKind.MicroEnterprise }, TestContext.Current.CancellationToken);
        Assert.True(report.Counts.Created == 2, string.Join("; ", report.Problems.Select(p => $"{p.Row} {p.Column}: {p.Reason}")));
        return (homes[0], homes[1]);
    }
}
