using AssetMap.Api.Tests.GraphQL;
using AssetMap.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features.Search;

/// <summary>
/// Freshness in search, with the default rules (review every 12 months, hidden 12 months after falling due): within a
/// distance band (up to 1 km, 1–3 km, 3–5 km, beyond) and at equal relevance, entries overdue for review come after
/// fresh ones; entries overdue by more than the threshold leave search but stay readable by id. Controlled entries in
/// the Pennines, far from the sample, in this class's own database.
/// </summary>
public sealed class SearchFreshnessTests(SearchFreshnessTests.Fixture fixture) : IClassFixture<SearchFreshnessTests.Fixture>
{
    private const double Longitude = -2.0;
    private const double Latitude = 54.5;

    public sealed class Fixture : IAsyncLifetime
    {
        public ApiFactory Api { get; } = new();

        public async ValueTask InitializeAsync()
        {
            await Api.InitializeAsync();
            var now = DateTimeOffset.UtcNow;
            await GeneratedAssets.InsertAsync(Api.Database, "Hidden at 100 m", 1, Longitude, Latitude, 100, now.AddMonths(-30));
            await GeneratedAssets.InsertAsync(Api.Database, "Never checked at 200 m", 1, Longitude, Latitude, 200, null);
            await GeneratedAssets.InsertAsync(Api.Database, "Overdue at 300 m", 1, Longitude, Latitude, 300, now.AddMonths(-14));
            await GeneratedAssets.InsertAsync(Api.Database, "Fresh at 500 m", 1, Longitude, Latitude, 500, now.AddDays(-10));
            await GeneratedAssets.InsertAsync(Api.Database, "Overdue at 1500 m", 1, Longitude, Latitude, 1_500, now.AddMonths(-13));
            await GeneratedAssets.InsertAsync(Api.Database, "Fresh at 2000 m", 1, Longitude, Latitude, 2_000, now.AddMonths(-11));
            await GeneratedAssets.InsertAsync(Api.Database, "Zzfresh old", 1, Longitude, Latitude, 9_000, now.AddMonths(-20));
            await GeneratedAssets.InsertAsync(Api.Database, "Zzfresh new", 1, Longitude, Latitude, 9_000, now.AddMonths(-1));
        }

        public async ValueTask DisposeAsync() => await Api.DisposeAsync();
    }

    private static readonly string[] ByBandThenFreshness =
        ["Never checked at 200 m 0001", "Fresh at 500 m 0001", "Overdue at 300 m 0001", "Fresh at 2000 m 0001", "Overdue at 1500 m 0001"];

    [Fact]
    public async Task Overdue_entries_come_after_fresh_ones_in_their_distance_band()
    {
        var page = await fixture.Api.CreateClient().GetJsonAsync($"/api/v1/assets?lat={Latitude}&lon={Longitude}&radius=5000");

        var names = page.GetProperty("items").EnumerateArray().Select(i => i.Str("name")).ToList();
        Assert.Equal(ByBandThenFreshness, names);
        Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task GraphQL_orders_and_hides_the_same_way()
    {
        var reply = await fixture.Api.CreateClient().PostAsync(
            $"{{ assets(near: {{ latitude: {Latitude}, longitude: {Longitude} }}, radiusMetres: 5000, first: 10) {{ edges {{ node {{ name }} }} }} }}");

        var names = reply.Body.GetProperty("data").GetProperty("assets").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("name").GetString()).ToList();
        Assert.Equal(ByBandThenFreshness, names);
    }

    [Fact]
    public async Task Paging_across_the_segments_returns_each_entry_once_in_order()
    {
        var items = await fixture.Api.CreateClient().GetAllItemsAsync($"/api/v1/assets?lat={Latitude}&lon={Longitude}&radius=5000&pageSize=2");

        Assert.Equal(ByBandThenFreshness, items.Select(i => i.Str("name")));
    }

    [Fact]
    public async Task At_equal_relevance_the_fresh_entry_ranks_first()
    {
        var page = await fixture.Api.CreateClient().GetJsonAsync("/api/v1/assets?q=zzfresh");

        var names = page.GetProperty("items").EnumerateArray().Select(i => i.Str("name")).ToList();
        Assert.Equal(["Zzfresh new 0001", "Zzfresh old 0001"], names);
    }

    [Fact]
    public async Task A_long_overdue_entry_leaves_search_but_is_still_readable_by_id()
    {
        var client = fixture.Api.CreateClient();
        await using var db = fixture.Api.Database.CreateContext();
        var hidden = await db.Assets.Where(a => a.Name == "Hidden at 100 m 0001").Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);

        var near = await client.GetAllItemsAsync($"/api/v1/assets?lat={Latitude}&lon={Longitude}&radius=1000&pageSize=100");
        var byText = await client.GetAllItemsAsync("/api/v1/assets?q=hidden&pageSize=100");
        var byName = await client.GetAllItemsAsync("/api/v1/assets?pageSize=100");

        Assert.NotEmpty(near);
        Assert.DoesNotContain(hidden, near.Select(i => i.Id()));
        Assert.DoesNotContain(hidden, byText.Select(i => i.Id()));
        Assert.DoesNotContain(hidden, byName.Select(i => i.Id()));
        var detail = await client.GetJsonAsync($"/api/v1/assets/{hidden}");
        Assert.Equal(hidden, detail.Id());
    }
}
