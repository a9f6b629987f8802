using System.Net;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Features.Search;

public sealed class BadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] SearchEndpoints =
        ["/api/v1/assets", "/api/v1/hubs", "/api/v1/micro-enterprises", "/api/v1/activities", "/api/v1/pcn-areas/U81042/assets"];

    public static TheoryData<string, HttpStatusCode, string> BadQueries() => new()
    {
        { "postcode=ZZ9%209ZZ", HttpStatusCode.NotFound, "postcode" },
        { "postcode=RM17", HttpStatusCode.BadRequest, "postcode" },
        { "postcode=ABC%20123", HttpStatusCode.BadRequest, "postcode" },
        { "postcode=", HttpStatusCode.BadRequest, "postcode" },
        { "lat=91&lon=0.3", HttpStatusCode.BadRequest, "lat" },
        { "lat=-90.5&lon=0.3", HttpStatusCode.BadRequest, "lat" },
        { "lat=51.5&lon=180.01", HttpStatusCode.BadRequest, "lon" },
        { "lat=51.5", HttpStatusCode.BadRequest, "lon" },
        { "lat=abc&lon=0.3", HttpStatusCode.BadRequest, "lat" },
        { "lat=NaN&lon=0.3", HttpStatusCode.BadRequest, "lat" },
        { "lat=51.5&lon=0.3&radius=0", HttpStatusCode.BadRequest, "radius" },
        { "lat=51.5&lon=0.3&radius=-5", HttpStatusCode.BadRequest, "radius" },
        { "lat=51.5&lon=0.3&radius=50001", HttpStatusCode.BadRequest, "radius" },
        { "lat=51.5&lon=0.3&radius=99999999999", HttpStatusCode.BadRequest, "radius" },
        { "radius=1000", HttpStatusCode.BadRequest, "radius" },
        { "kind=shop", HttpStatusCode.BadRequest, "kind" },
        { "kind=1", HttpStatusCode.BadRequest, "kind" },
        { "category=knitting", HttpStatusCode.BadRequest, "category" },
        { "pcn=U99999", HttpStatusCode.BadRequest, "pcn" },
        { "pageSize=101", HttpStatusCode.BadRequest, "pageSize" },
        { "pageSize=0", HttpStatusCode.BadRequest, "pageSize" },
        { "page=0", HttpStatusCode.BadRequest, "page" },
        { "page=-1", HttpStatusCode.BadRequest, "page" },
        { "page=151055754", HttpStatusCode.BadRequest, "page" },
        { "q=" + new string('x', 10_000), HttpStatusCode.BadRequest, "q" },
        { "q=%25", HttpStatusCode.BadRequest, "q" },
        { "q=_", HttpStatusCode.BadRequest, "q" },
        { "q=%27", HttpStatusCode.BadRequest, "q" },
        { "q=%5C", HttpStatusCode.BadRequest, "q" },
        { "q=%25_%27%5C", HttpStatusCode.BadRequest, "q" },
        { "postcode=RM16%202JT&lat=51.5&lon=0.3", HttpStatusCode.BadRequest, "postcode" },
        { "openOn=someday", HttpStatusCode.BadRequest, "openOn" },
        { "openOn=2026-13-45", HttpStatusCode.BadRequest, "openOn" },
        { "openOn=9999-12-31", HttpStatusCode.BadRequest, "openOn" },
        { "openOn=0001-01-01", HttpStatusCode.BadRequest, "openOn" },
        { "verifiedSince=yesterday", HttpStatusCode.BadRequest, "verifiedSince" },
        { "free=maybe", HttpStatusCode.BadRequest, "free" },
        { "category=%00", HttpStatusCode.BadRequest, "category" },
        { "q=lunch%00club", HttpStatusCode.BadRequest, "q" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_parameters_get_problem_details_naming_the_parameter(string query, HttpStatusCode status, string parameter)
    {
        var client = api.CreateClient();
        foreach (var endpoint in SearchEndpoints)
        {
            if (endpoint.Contains("/hubs", StringComparison.Ordinal) || endpoint.Contains("/activities", StringComparison.Ordinal) || endpoint.Contains("micro", StringComparison.Ordinal) || endpoint.Contains("U81042", StringComparison.Ordinal))
            {
                if (query.StartsWith("kind=", StringComparison.Ordinal) || query.StartsWith("pcn=", StringComparison.Ordinal))
                {
                    continue; // these endpoints fix the kind or the area
                }
            }

            var response = await client.GetAsync($"{endpoint}?{query}", Ct);

            var problem = await ProblemAssert.IsProblemAsync(response, status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"{endpoint}?{query[..Math.Min(query.Length, 60)]} did not name {parameter}: {problem}");
        }
    }

    [Fact]
    public async Task A_point_far_from_the_data_is_an_empty_result_not_an_error()
    {
        var page = await api.CreateClient().GetJsonAsync("/api/v1/assets?lat=-33.86&lon=151.21&radius=50000");

        Assert.Equal(0, page.GetProperty("totalCount").GetInt32());
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_pcn_parameter_that_contradicts_the_path_is_a_400()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/pcn-areas/U81042/assets?pcn=U81041", Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("pcn", out _));
    }
}
