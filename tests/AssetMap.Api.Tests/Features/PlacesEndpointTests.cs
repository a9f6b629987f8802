using System.Net;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features;

public sealed class PlacesEndpointTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pcn_areas_are_listed_with_links()
    {
        var areas = await api.CreateClient().GetJsonAsync("/api/v1/pcn-areas");

        Assert.Equal(["U81041", "U81042", "U81043", "U81044"], areas.EnumerateArray().Select(a => a.Str("code")).Order());
        Assert.All(areas.EnumerateArray(), a => Assert.Equal($"/api/v1/pcn-areas/{a.Str("code")}", a.Str("href")));
    }

    [Fact]
    public async Task A_pcn_area_carries_its_boundary_and_counts_that_match_the_records()
    {
        await using var db = api.Database.CreateContext();
        var inside = await db.Assets.AsNoTracking().Include(a => a.Categories)
            .Where(a => a.Status == AssetStatus.Published && a.PcnAreaCode == "U81042").ToListAsync(Ct);

        var area = await api.CreateClient().GetJsonAsync("/api/v1/pcn-areas/u81042");

        Assert.Equal("Grays", area.Str("locality"));
        Assert.Equal("MultiPolygon", area.GetProperty("boundary").Str("type"));
        var ring = area.GetProperty("boundary").GetProperty("coordinates")[0][0];
        Assert.True(ring.GetArrayLength() >= 4);
        Assert.InRange(ring[0][0].GetDouble(), 0.2, 0.6); // [longitude, latitude]
        Assert.InRange(ring[0][1].GetDouble(), 51.4, 51.6);
        var counts = area.GetProperty("counts");
        Assert.Equal(inside.Count, counts.GetProperty("total").GetInt32());
        Assert.Equal(inside.Count(a => a.Kind == AssetKind.Hub), counts.GetProperty("byKind").GetProperty("hub").GetInt32());
        Assert.Equal(inside.Count(a => a.Kind == AssetKind.MicroEnterprise), counts.GetProperty("byKind").GetProperty("microEnterprise").GetInt32());
        var lunch = inside.Count(a => a.Categories.Any(c => c.Slug == "lunch-clubs"));
        Assert.Equal(lunch, counts.GetProperty("byCategory").EnumerateArray().Where(c => c.Str("slug") == "lunch-clubs").Select(c => c.GetProperty("count").GetInt32()).SingleOrDefault());
    }

    [Fact]
    public async Task Lookup_finds_the_area_a_person_lives_in_and_404s_outside_every_area()
    {
        var client = api.CreateClient();

        var byPostcode = await client.GetJsonAsync("/api/v1/pcn-areas/lookup?postcode=rm16%202jt");
        var byPoint = await client.GetJsonAsync("/api/v1/pcn-areas/lookup?lat=51.5150&lon=0.4330");
        var outside = await client.GetAsync("/api/v1/pcn-areas/lookup?lat=51.5074&lon=-0.1278", Ct);
        var nothing = await client.GetAsync("/api/v1/pcn-areas/lookup", Ct);

        Assert.Equal("U81042", byPostcode.Str("code"));
        Assert.Equal("Stanford-le-Hope and Corringham", byPoint.Str("locality"));
        var problem = await ProblemAssert.IsProblemAsync(outside, HttpStatusCode.NotFound);
        Assert.Equal("Outside every PCN area", problem.Str("title"));
        await ProblemAssert.IsProblemAsync(nothing, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_pcn_code_is_a_404()
    {
        var client = api.CreateClient();

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/pcn-areas/U00000", Ct), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/pcn-areas/U00000/assets", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_postcode_has_its_point_and_pcn_area()
    {
        var postcode = await api.CreateClient().GetJsonAsync("/api/v1/postcodes/rm162jt");

        Assert.Equal("RM16 2JT", postcode.Str("postcode"));
        Assert.Equal(51.4797, postcode.GetProperty("location").GetProperty("latitude").GetDouble(), 4);
        Assert.Equal(0.3279, postcode.GetProperty("location").GetProperty("longitude").GetDouble(), 4);
        Assert.Equal("U81042", postcode.GetProperty("pcnArea").Str("code"));
    }

    [Theory]
    [InlineData("RM17", HttpStatusCode.BadRequest)]
    [InlineData("ABC%20123", HttpStatusCode.BadRequest)]
    [InlineData("ZZ9%209ZZ", HttpStatusCode.NotFound)]
    public async Task Bad_or_unknown_postcodes_are_problems_naming_the_postcode(string postcode, HttpStatusCode status)
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/postcodes/{postcode}", Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("postcode", out _));
    }

    [Fact]
    public async Task The_category_tree_counts_published_assets()
    {
        await using var db = api.Database.CreateContext();
        var lunchClubs = await db.Assets.CountAsync(a => a.Status == AssetStatus.Published && a.Categories.Any(c => c.Slug == "lunch-clubs"), Ct);
        var food = await db.Assets.CountAsync(a => a.Status == AssetStatus.Published
            && a.Categories.Any(c => c.Slug == "food-and-meals" || db.Categories.Any(p => p.Slug == "food-and-meals" && p.Id == c.ParentId)), Ct);

        var tree = await api.CreateClient().GetJsonAsync("/api/v1/categories");

        var foodNode = tree.EnumerateArray().Single(c => c.Str("slug") == "food-and-meals");
        Assert.Equal(food, foodNode.GetProperty("assetCount").GetInt32());
        Assert.Equal(lunchClubs, foodNode.GetProperty("children").EnumerateArray().Single(c => c.Str("slug") == "lunch-clubs").GetProperty("assetCount").GetInt32());
        Assert.True(tree.GetArrayLength() >= 10);
    }
}
