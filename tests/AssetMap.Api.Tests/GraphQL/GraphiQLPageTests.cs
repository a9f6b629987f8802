using System.Net;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.GraphQL;

public sealed class GraphiQLPageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_graphiql_page_and_its_scripts_are_served_locally()
    {
        var client = api.CreateClient();

        var page = await client.GetAsync("/graphql/ui", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var sources = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(sources, s => s.EndsWith("graphiql.min.js", StringComparison.Ordinal));
        Assert.DoesNotContain(sources, s => s.StartsWith("http", StringComparison.OrdinalIgnoreCase) || s.StartsWith("//", StringComparison.Ordinal));
        foreach (var source in sources.Where(s => s.StartsWith("/lib/", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(source, Ct)).StatusCode);
        }
    }
}
