using System.Globalization;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Spatial;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features.Search;

public sealed class SearchCorrectnessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_random_searches_match_a_brute_force_great_circle_search()
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var published = await db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Published)
            .Select(a => new { a.Id, a.PublicLocation }).ToListAsync(Ct);
        var overdue = await ExpectedFreshness.OverdueAsync(db);
        var random = new Random(3);
        var nonEmpty = 0;

        for (var i = 0; i < 50; i++)
        {
            var here = Geo.Point(Math.Round(0.21 + (random.NextDouble() * 0.34), 5), Math.Round(51.45 + (random.NextDouble() * 0.11), 5));
            var radius = 500 + random.Next(9_501);
            // Nearest first within each distance band, fresh entries before overdue ones; equal distances in any order.
            var expected = published
                .Select(a => new { a.Id, Metres = Geo.HaversineMetres(here, a.PublicLocation) })
                .Where(a => a.Metres <= radius)
                .ToDictionary(a => a.Id, a => a.Metres);

            var found = await client.GetAllItemsAsync(string.Create(CultureInfo.InvariantCulture,
                $"/api/v1/assets?lat={here.Y}&lon={here.X}&radius={radius}&pageSize=100"));

            Assert.Equal(expected.Keys.Order(), found.Select(f => f.Id()).Order());
            Assert.All(found, f => Assert.InRange(
                f.GetProperty("distanceMetres").GetDouble(), (expected[f.Id()] * 0.995) - 0.1, (expected[f.Id()] * 1.005) + 0.1));
            ExpectedFreshness.NonDecreasing(
                [.. found.Select(f => (ExpectedFreshness.Band(expected[f.Id()]), overdue[f.Id()] ? 1 : 0, Math.Round(expected[f.Id()], 3)))],
                Comparer<(int, int, double)>.Default);
            nonEmpty += expected.Count > 0 ? 1 : 0;
        }

        Assert.True(nonEmpty >= 25, $"only {nonEmpty} of 50 searches found anything: the test would prove little");
    }

    [Fact]
    public async Task Drafts_archived_assets_and_time_bank_members_never_appear()
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var published = await db.Assets.Where(a => a.Status == AssetStatus.Published).Select(a => a.Id).ToListAsync(Ct);
        var members = await db.TimeBankMembers.Select(m => m.Id).ToListAsync(Ct);

        var everything = await client.GetAllItemsAsync("/api/v1/assets?pageSize=100");
        var nearby = await client.GetAllItemsAsync("/api/v1/assets?lat=51.49&lon=0.37&radius=50000&pageSize=100");

        Assert.Equal(published.Order(), everything.Select(i => i.Id()).Order());
        Assert.Equal(published.Order(), nearby.Select(i => i.Id()).Order());
        Assert.Empty(everything.Select(i => i.Id()).Intersect(members));
    }

    [Fact]
    public async Task Without_a_point_or_text_results_are_in_name_order_with_paging_links()
    {
        var client = api.CreateClient();

        var first = await client.GetJsonAsync("/api/v1/assets?pageSize=10");
        var all = await client.GetAllItemsAsync("/api/v1/assets?pageSize=10");
        var beyond = await client.GetJsonAsync($"/api/v1/assets?pageSize=10&page=99");

        // By name, entries due for review after the fresh ones.
        await using var db = api.Database.CreateContext();
        var overdue = await ExpectedFreshness.OverdueAsync(db);
        Assert.NotEmpty(all);
        var keys = all.Select(i => (overdue[i.Id()] ? 1 : 0, i.Str("name"))).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
        Assert.Equal(first.GetProperty("totalCount").GetInt32(), all.Count);
        Assert.Equal((all.Count + 9) / 10, first.GetProperty("totalPages").GetInt32());
        Assert.False(first.GetProperty("links").TryGetProperty("prev", out _));
        Assert.Contains("page=2", first.GetProperty("links").Str("next"), StringComparison.Ordinal);
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_parent_category_includes_its_children()
    {
        var client = api.CreateClient();
        var tree = await client.GetJsonAsync("/api/v1/categories");
        var food = tree.EnumerateArray().Single(c => c.Str("slug") == "food-and-meals");

        var parent = (await client.GetAllItemsAsync("/api/v1/assets?category=food-and-meals&pageSize=100")).Select(i => i.Id()).ToHashSet();
        var children = new HashSet<Guid>();
        foreach (var child in food.GetProperty("children").EnumerateArray())
        {
            children.UnionWith((await client.GetAllItemsAsync($"/api/v1/assets?category={child.Str("slug")}&pageSize=100")).Select(i => i.Id()));
        }

        Assert.NotEmpty(children);
        Assert.Superset(children, parent);
        Assert.Equal(food.GetProperty("assetCount").GetInt32(), parent.Count);
        Assert.All(await client.GetAllItemsAsync("/api/v1/assets?category=lunch-clubs&pageSize=100"),
            i => Assert.Contains("lunch-clubs", i.GetProperty("categories").EnumerateArray().Select(c => c.Str("slug"))));
    }

    [Theory]
    [InlineData("lunches")]
    [InlineData("lnch club")]
    [InlineData("LUNCH CLUB")]
    public async Task Full_text_finds_lunch_clubs_despite_stemming_and_typos(string q)
    {
        var items = await api.CreateClient().GetAllItemsAsync($"/api/v1/assets?q={Uri.EscapeDataString(q)}&pageSize=100");

        Assert.NotEmpty(items);
        Assert.Contains("Lunch Club", items[0].Str("name"), StringComparison.Ordinal);
        Assert.Contains(items, i => i.Str("name").EndsWith("Lunch Club", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_matches_weigh_the_name_above_the_description()
    {
        var items = await api.CreateClient().GetAllItemsAsync("/api/v1/assets?q=walk&pageSize=100");

        var firstWithoutName = items.FindIndex(i => !i.Str("name").Contains("Walk", StringComparison.OrdinalIgnoreCase));
        var lastWithName = items.FindLastIndex(i => i.Str("name").Contains("Walk", StringComparison.OrdinalIgnoreCase));
        Assert.True(lastWithName >= 0);
        Assert.True(firstWithoutName < 0 || firstWithoutName > lastWithName, "an asset without 'walk' in its name ranked above one with it");
    }

    [Fact]
    public async Task Punctuation_in_q_is_plain_text_not_a_wildcard()
    {
        var client = api.CreateClient();

        var percent = await client.GetJsonAsync("/api/v1/assets?q=lunch%25");
        var apostrophe = await client.GetJsonAsync("/api/v1/assets?q=carers%27%20caf%C3%A9");
        var underscore = await client.GetJsonAsync("/api/v1/assets?q=lunch_club");

        Assert.True(percent.GetProperty("totalCount").GetInt32() > 0);
        Assert.True(apostrophe.GetProperty("totalCount").GetInt32() > 0);
        Assert.True(underscore.GetProperty("totalCount").GetInt32() > 0);
        Assert.True(percent.GetProperty("totalCount").GetInt32() < (await client.GetJsonAsync("/api/v1/assets")).GetProperty("totalCount").GetInt32());
    }
}
