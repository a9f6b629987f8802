using System.Net;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Operations;

/// <summary>The directory lists read no query parameters, so a junk one (a cache buster) must be answered from the cache.</summary>
public sealed class OutputCacheKeyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/categories")]
    [InlineData("/api/v1/pcn-areas")]
    [InlineData("/api/v1/pcn-areas/U81042")]
    public async Task A_junk_query_parameter_hits_the_cache(string path)
    {
        var client = api.CreateClient();
        var first = await client.GetAsync($"{path}?cb=1", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadAsStringAsync(Ct);
        var before = api.Sql.Count;

        foreach (var junk in new[] { "?cb=2", "?cb=3&x=%20", "", "?page=99" })
        {
            var again = await client.GetAsync(path + junk, Ct);

            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.NotNull(again.Headers.Age);
            Assert.Equal(body, await again.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(before, api.Sql.Count);
    }

    [Fact]
    public async Task Geojson_is_still_cached_apart_from_json()
    {
        var client = api.CreateClient();
        var json = await client.GetStringAsync("/api/v1/pcn-areas?cb=7", Ct);
        var geojson = await client.GetStringAsync("/api/v1/pcn-areas.geojson?cb=8", Ct);

        Assert.NotEqual(json, geojson);
        Assert.Contains("FeatureCollection", geojson, StringComparison.Ordinal);
    }
}
