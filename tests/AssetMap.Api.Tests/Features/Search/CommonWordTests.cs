using AssetMap.Api.Tests.GraphQL;
using AssetMap.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features.Search;

/// <summary>
/// <c>q</c> on a word more than 1,000 entries match, with no place: only a bounded set of candidates is ranked, taken
/// from name matches first, so the answer is quick, name matches come before entries that only mention the word, and
/// the count says "more than 1,000". 1,100 hubs named "Supper club NNNN" and 5 "Village hall NNNN" whose summary
/// mentions suppers, in this class's own database.
/// </summary>
public sealed class CommonWordTests(CommonWordTests.Fixture fixture) : IClassFixture<CommonWordTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiFactory Api { get; } = new();

        public async ValueTask InitializeAsync()
        {
            await Api.InitializeAsync();
            await GeneratedAssets.InsertAsync(Api.Database, "Supper club", 1_100, -5.6, 50.1, 10, DateTimeOffset.UtcNow.AddDays(-10));
            await GeneratedAssets.InsertAsync(Api.Database, "Village hall", 5, -5.6, 50.2, 10, DateTimeOffset.UtcNow.AddDays(-10));
            await using var db = Api.Database.CreateContext();
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE assets SET summary = 'Suppers on Fridays' WHERE name LIKE 'Village hall %'", TestContext.Current.CancellationToken);
        }

        public async ValueTask DisposeAsync() => await Api.DisposeAsync();
    }

    [Fact]
    public async Task A_common_word_lists_name_matches_first_and_says_more_than_a_thousand()
    {
        var page = await fixture.Api.CreateClient().GetJsonAsync("/api/v1/assets?q=supper&pageSize=100");

        Assert.Equal(1_000, page.GetProperty("totalCount").GetInt32());
        Assert.True(page.GetProperty("totalCountIsLowerBound").GetBoolean());
        var names = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Equal(100, names.Count);
        Assert.All(names, name => Assert.StartsWith("Supper club ", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_first_thousand_come_once_each_in_a_stable_order()
    {
        var client = fixture.Api.CreateClient();
        var ids = new List<Guid>();
        for (var page = 1; page <= 10; page++)
        {
            var items = (await client.GetJsonAsync($"/api/v1/assets?q=supper&pageSize=100&page={page}")).GetProperty("items");
            ids.AddRange(items.EnumerateArray().Select(i => i.Id()));
        }

        Assert.Equal(1_000, ids.Count);
        Assert.Equal(1_000, ids.Distinct().Count());
        var again = (await client.GetJsonAsync("/api/v1/assets?q=supper&pageSize=100&page=3")).GetProperty("items").EnumerateArray().Select(i => i.Id());
        Assert.Equal(ids.Skip(200).Take(100), again);
    }

    [Fact]
    public async Task Entries_that_only_mention_the_word_come_after_every_name_match_and_the_last_page_counts_exactly()
    {
        var page = await fixture.Api.CreateClient().GetJsonAsync("/api/v1/assets?q=supper&pageSize=100&page=12");

        Assert.Equal(1_105, page.GetProperty("totalCount").GetInt32());
        Assert.False(page.GetProperty("totalCountIsLowerBound").GetBoolean());
        var names = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Equal(5, names.Count);
        Assert.All(names, name => Assert.StartsWith("Village hall ", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Near_a_point_a_common_word_pages_every_match_once_nearest_first()
    {
        // 1,100 supper clubs (one every 10 m eastwards) and the 5 village halls 11 km north, all within 20 km: more
        // than the cap, so the disk is narrowed.
        var client = fixture.Api.CreateClient();
        var first = await client.GetJsonAsync("/api/v1/assets?q=supper&lat=50.1&lon=-5.6&radius=20000");
        Assert.Equal(1_000, first.GetProperty("totalCount").GetInt32());
        Assert.True(first.GetProperty("totalCountIsLowerBound").GetBoolean());
        Assert.Equal("Supper club 0001", first.GetProperty("items")[0].GetProperty("name").GetString());

        var items = await client.GetAllItemsAsync("/api/v1/assets?q=supper&lat=50.1&lon=-5.6&radius=20000&pageSize=100");

        Assert.Equal(1_105, items.Count);
        Assert.Equal(1_105, items.Select(i => i.Id()).Distinct().Count());
        var distances = items.Select(i => i.GetProperty("distanceMetres").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
    }

    [Fact]
    public async Task GraphQL_gives_the_same_capped_count()
    {
        var reply = await fixture.Api.CreateClient().PostAsync("{ assets(text: \"supper\", first: 5) { totalCount totalCountIsLowerBound edges { node { name } } } }");

        var assets = reply.Body.GetProperty("data").GetProperty("assets");
        Assert.Equal(1_000, assets.GetProperty("totalCount").GetInt32());
        Assert.True(assets.GetProperty("totalCountIsLowerBound").GetBoolean());
        var names = assets.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("name").GetString()!).ToList();
        Assert.Equal(5, names.Count);
        Assert.All(names, name => Assert.StartsWith("Supper club ", name, StringComparison.Ordinal));
    }
}
