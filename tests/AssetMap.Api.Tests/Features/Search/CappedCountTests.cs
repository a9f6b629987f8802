using System.Net;
using AssetMap.Api.Tests.GraphQL;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Features.Search;

/// <summary>
/// Counts are exact up to 1,000 matches (or the end of the requested page); beyond, a lower bound that says so, in
/// REST, GeoJSON, GraphQL, the web pages and the Open Referral feed alike. 1,150 hubs in a row west of Penzance, far
/// from the sample, in this class's own database.
/// </summary>
public sealed class CappedCountTests(CappedCountTests.Fixture fixture) : IClassFixture<CappedCountTests.Fixture>
{
    private const string Near = "lat=50.1&lon=-5.6&radius=20000";

    public sealed class Fixture : IAsyncLifetime
    {
        public ApiFactory Api { get; } = new();

        public async ValueTask InitializeAsync()
        {
            await Api.InitializeAsync();
            await GeneratedAssets.InsertAsync(Api.Database, "Capped", 1_150, -5.6, 50.1, 10, DateTimeOffset.UtcNow.AddDays(-10));
        }

        public async ValueTask DisposeAsync() => await Api.DisposeAsync();
    }

    [Fact]
    public async Task Rest_says_more_than_a_thousand_and_still_links_the_next_page()
    {
        var client = fixture.Api.CreateClient();

        var first = await client.GetJsonAsync($"/api/v1/assets?{Near}");
        Assert.Equal(1_000, first.GetProperty("totalCount").GetInt32());
        Assert.True(first.GetProperty("totalCountIsLowerBound").GetBoolean());
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());

        var fiftieth = await client.GetJsonAsync($"/api/v1/assets?{Near}&page=50");
        Assert.True(fiftieth.GetProperty("totalCountIsLowerBound").GetBoolean());
        Assert.NotNull(fiftieth.GetProperty("links").GetProperty("next").GetString());

        // The last page is counted exactly: the count reaches the end of the requested page.
        var last = await client.GetJsonAsync($"/api/v1/assets?{Near}&page=58");
        Assert.Equal(1_150, last.GetProperty("totalCount").GetInt32());
        Assert.False(last.GetProperty("totalCountIsLowerBound").GetBoolean());
        Assert.Equal(10, last.GetProperty("items").GetArrayLength());
        Assert.False(last.GetProperty("links").TryGetProperty("next", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task Every_page_together_holds_every_match_once_in_distance_order()
    {
        var items = await fixture.Api.CreateClient().GetAllItemsAsync($"/api/v1/assets?{Near}&pageSize=100");

        Assert.Equal(1_150, items.Count);
        Assert.Equal(1_150, items.Select(i => i.Id()).Distinct().Count());
        var distances = items.Select(i => i.GetProperty("distanceMetres").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
    }

    [Fact]
    public async Task Small_results_are_counted_exactly()
    {
        var page = await fixture.Api.CreateClient().GetJsonAsync("/api/v1/assets?lat=50.1&lon=-5.6&radius=2000");

        var count = page.GetProperty("totalCount").GetInt32();
        Assert.InRange(count, 150, 210); // one hub every 10 m eastwards: about 200 within 2 km
        Assert.False(page.GetProperty("totalCountIsLowerBound").GetBoolean());
    }

    [Fact]
    public async Task GeoJson_carries_the_flag_beside_the_count()
    {
        var client = fixture.Api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assets?{Near}");
        request.Headers.Accept.ParseAdd("application/geo+json");
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(1_000, body.GetProperty("totalCount").GetInt32());
        Assert.True(body.GetProperty("totalCountIsLowerBound").GetBoolean());
    }

    [Fact]
    public async Task GraphQL_connection_has_totalCountIsLowerBound()
    {
        var reply = await fixture.Api.CreateClient().PostAsync(
            "{ assets(near: { latitude: 50.1, longitude: -5.6 }, radiusMetres: 20000, first: 5) { totalCount totalCountIsLowerBound pageInfo { hasNextPage } } "
            + "small: hubs(near: { latitude: 50.1, longitude: -5.6 }, radiusMetres: 500, first: 5) { totalCount totalCountIsLowerBound } }");

        var assets = reply.Body.GetProperty("data").GetProperty("assets");
        Assert.Equal(1_000, assets.GetProperty("totalCount").GetInt32());
        Assert.True(assets.GetProperty("totalCountIsLowerBound").GetBoolean());
        Assert.True(assets.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var small = reply.Body.GetProperty("data").GetProperty("small");
        Assert.InRange(small.GetProperty("totalCount").GetInt32(), 40, 60);
        Assert.False(small.GetProperty("totalCountIsLowerBound").GetBoolean());
    }

    [Fact]
    public async Task Web_search_says_more_than_1000_results_and_offers_the_next_page()
    {
        var client = fixture.Api.CreateClient();
        var first = await client.GetStringAsync("/?q=capped", TestContext.Current.CancellationToken);
        var fiftieth = await client.GetStringAsync("/?q=capped&page=50", TestContext.Current.CancellationToken);

        Assert.Contains("More than 1,000 results", first, StringComparison.Ordinal);
        Assert.Contains("page=51", fiftieth, StringComparison.Ordinal); // the last page counted still links the next
    }

    [Fact]
    public async Task Open_referral_feed_flags_a_lower_bound_and_keeps_paging()
    {
        var body = await fixture.Api.CreateClient().GetJsonAsync("/openreferral/v3/services?search=capped&per_page=50&page=20");

        Assert.Equal(1_000, body.GetProperty("total_items").GetInt32());
        Assert.True(body.GetProperty("total_items_is_lower_bound").GetBoolean());
        Assert.False(body.GetProperty("last_page").GetBoolean());
    }
}
