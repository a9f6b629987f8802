using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Features;

public sealed class HttpBehaviourTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/assets?postcode=RM16%202JT&radius=3000", "Point")]
    [InlineData("/api/v1/hubs", "Point")]
    [InlineData("/api/v1/micro-enterprises?pageSize=5", "Point")]
    [InlineData("/api/v1/activities?openOn=tuesday", "Point")]
    [InlineData("/api/v1/pcn-areas/U81042/assets", "Point")]
    [InlineData("/api/v1/pcn-areas", "MultiPolygon")]
    public async Task Every_list_answers_geojson_when_asked_by_header_or_suffix(string url, string geometry)
    {
        var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/geo+json");
        var byHeader = await client.SendAsync(request, Ct);
        var path = url.Split('?');
        var bySuffix = await client.GetAsync(path[0] + ".geojson" + (path.Length > 1 ? "?" + path[1] : ""), Ct);

        foreach (var response in new[] { byHeader, bySuffix })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
            var collection = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("FeatureCollection", collection.Str("type"));
            var features = collection.GetProperty("features").EnumerateArray().ToList();
            Assert.NotEmpty(features);
            Assert.All(features, f =>
            {
                Assert.Equal("Feature", f.Str("type"));
                Assert.Equal(geometry, f.GetProperty("geometry").Str("type"));
            });
            if (geometry == "Point")
            {
                var feature = features[0];
                Assert.Equal(feature.GetProperty("properties").GetProperty("location").GetProperty("longitude").GetDouble(), feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
            }
        }
    }

    [Fact]
    public async Task Searches_are_cacheable_briefly_and_readable_from_any_origin()
    {
        var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/assets?q=lunch");
        request.Headers.Add("Origin", "https://partner.example.org");

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl?.MaxAge);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Cors_preflight_allows_gets_from_any_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/assets");
        request.Headers.Add("Origin", "https://partner.example.org");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await api.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/categories")]
    [InlineData("/api/v1/pcn-areas")]
    [InlineData("/api/v1/pcn-areas/U81042")]
    public async Task Categories_and_pcn_areas_are_served_from_the_output_cache(string url)
    {
        var client = api.CreateClient();

        var first = await client.GetAsync(url, Ct);
        var second = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.NotNull(second.Headers.Age);
    }
}
