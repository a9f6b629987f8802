using AssetMap.TestSupport;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Spatial;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Persistence;

public sealed class ProximityQueryTests(SampleDatabaseFixture fixture) : IClassFixture<SampleDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<double, double, double> Searches()
    {
        // Fixed points across the sample area (and one just outside it), and a spread of radii.
        var data = new TheoryData<double, double, double>
        {
            { 0.3245, 51.4782, 1_000 },  // Grays town centre
            { 0.3595, 51.4622, 2_500 },  // Tilbury
            { 0.4330, 51.5150, 5_000 },  // Stanford-le-Hope
            { 0.2530, 51.4990, 800 },    // Aveley
            { 0.3700, 51.5100, 10_000 }, // Orsett: most of the borough
            { 0.6000, 51.5500, 3_000 },  // east of the borough: nothing near
        };
        var random = new Random(20261122);
        for (var i = 0; i < 20; i++)
        {
            data.Add(0.21 + (random.NextDouble() * 0.34), 51.45 + (random.NextDouble() * 0.11), 500 + random.Next(9_500));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Nearest_first_within_a_radius_matches_a_brute_force_great_circle_search(double lon, double lat, double radius)
    {
        await using var db = fixture.Database.CreateContext();
        var here = Geo.Point(lon, lat);

        var found = await db.Assets.AsNoTracking()
            .WithinMetres(here, radius)
            .NearestFirst(here)
            .Select(a => new { a.Id, Metres = EF.Functions.Distance(a.PublicLocation, here, false) })
            .ToListAsync(Ct);

        var everything = await db.Assets.AsNoTracking().Select(a => new { a.Id, a.PublicLocation }).ToListAsync(Ct);
        var expected = everything
            .Select(a => new { a.Id, Metres = Geo.HaversineMetres(here, a.PublicLocation) })
            .Where(a => a.Metres <= radius)
            .OrderBy(a => a.Metres).ThenBy(a => a.Id)
            .ToList();

        // KNN order has no id tie-breaker: entries at the same distance (homes coarsened to one point) may come in
        // any order, so compare the distances in order and the ids as a set.
        Assert.Equal(expected.Select(e => e.Id).Order(), found.Select(f => f.Id).Order());
        Assert.All(expected.Zip(found), pair => Assert.InRange(pair.Second.Metres, pair.First.Metres * 0.995, pair.First.Metres * 1.005));
        var byId = everything.ToDictionary(a => a.Id, a => Geo.HaversineMetres(here, a.PublicLocation));
        var inOrder = found.Select(f => byId[f.Id]).ToList();
        Assert.All(inOrder.Zip(inOrder.Skip(1)), pair => Assert.True(pair.First <= pair.Second + 1e-6, $"{pair.First} before {pair.Second}"));
    }

    [Fact]
    public async Task The_searches_are_not_trivial()
    {
        await using var db = fixture.Database.CreateContext();
        var grays = Geo.Point(0.3245, 51.4782);

        var near = await db.Assets.WithinMetres(grays, 1_000).CountAsync(Ct);
        var all = await db.Assets.CountAsync(Ct);

        Assert.InRange(near, 3, all - 1);
    }
}
