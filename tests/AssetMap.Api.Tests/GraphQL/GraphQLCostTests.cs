using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.GraphQL;

/// <summary>GraphQL reads through the same read model as REST, so the same search costs no more SQL.</summary>
public sealed class GraphQLCostTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Needs = ["food-and-meals", "social-and-loneliness", "health-and-wellbeing", "arts-and-learning", "community-spaces", "care-at-home"];

    private static readonly string Search = "postcode=RM16%202JT&radius=20000&" + string.Join("&", Needs.Select(n => "category=" + n));

    private static readonly string GraphQLSearch =
        "postcode: \"RM16 2JT\", radiusMetres: 20000, categories: [" + string.Join(", ", Needs.Select(n => $"\"{n}\"")) + "]";

    [Fact]
    public async Task A_fifty_result_search_with_venue_pcn_area_and_categories_costs_graphql_no_more_sql_than_rest()
    {
        var client = api.CreateClient();
        var query = $"{{ assets({GraphQLSearch}, first: 50) {{ totalCount edges {{ node {{ uuid name distanceMetres categories {{ slug name }} pcnArea {{ code name }} "
            + "... on SocialPrescribingActivity { venue { uuid slug name } } } } } }";
        await client.GetJsonAsync($"/api/v1/assets?{Search}&pageSize=50"); // warm up: start-up work is not the search's
        await client.PostAsync(query);

        api.Sql.Reset();
        var rest = await client.GetJsonAsync($"/api/v1/assets?{Search}&pageSize=50");
        var restCommands = api.Sql.Count;
        api.Sql.Reset();
        var graphql = (await client.PostAsync(query)).Data().GetProperty("assets");
        var graphqlCommands = api.Sql.Count;

        var items = rest.GetProperty("items").EnumerateArray().ToList();
        var edges = graphql.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(50, items.Count);
        Assert.Equal(items.Select(i => i.Id().ToString()), edges.Select(n => n.Str("uuid")));
        Assert.Contains(edges, n => n.TryGetProperty("venue", out var venue) && venue.ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.Contains(items, i => i.TryGetProperty("venue", out var venue) && venue.ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.All(edges, n => Assert.NotEmpty(n.GetProperty("categories").EnumerateArray()));
        Assert.InRange(restCommands, 1, 6);
        Assert.InRange(graphqlCommands, 1, restCommands);
    }

    [Fact]
    public async Task Asking_more_of_a_venue_than_its_name_loads_every_venue_on_the_page_in_one_more_statement()
    {
        var client = api.CreateClient();
        const string Query = "{ activities(first: 30) { edges { node { venue { name openingHours categories { slug } pcnArea { code } } } } } }";
        await client.PostAsync(Query);

        api.Sql.Reset();
        var edges = (await client.PostAsync(Query)).Data().GetProperty("activities").GetProperty("edges").EnumerateArray().ToList();

        var venues = edges.Select(e => e.GetProperty("node").GetProperty("venue")).Where(v => v.ValueKind == System.Text.Json.JsonValueKind.Object).ToList();
        Assert.True(venues.Count >= 5, $"only {venues.Count} activities with a venue");
        Assert.All(venues, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("openingHours").GetString())));
        // Count, the page's ids (fresh entries by name, then overdue ones: each in index order), the page, venues.
        Assert.Equal(5, api.Sql.Count);
    }

    [Fact]
    public async Task A_pcn_area_code_and_name_never_read_a_boundary()
    {
        var client = api.CreateClient();
        const string Query = "{ pcnAreas { code name } pcnArea(code: \"U81042\") { code name } assets(first: 20) { edges { node { pcnArea { code name locality } } } } }";
        await client.PostAsync(Query);

        api.Sql.Reset();
        var data = (await client.PostAsync(Query)).Data();

        Assert.NotEmpty(data.GetProperty("pcnAreas").EnumerateArray());
        Assert.Equal("U81042", data.GetProperty("pcnArea").Str("code"));
        Assert.NotEmpty(api.Sql.Commands);
        Assert.All(api.Sql.Commands, sql => Assert.DoesNotContain("boundary", sql, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_boundary_is_read_when_asked_for_once_for_every_area()
    {
        var client = api.CreateClient();
        const string Query = "{ pcnAreas { code boundary } }";
        await client.PostAsync(Query);

        api.Sql.Reset();
        var areas = (await client.PostAsync(Query)).Data().GetProperty("pcnAreas").EnumerateArray().ToList();

        Assert.True(areas.Count >= 4);
        Assert.All(areas, a => Assert.Contains("MultiPolygon", a.Str("boundary"), StringComparison.Ordinal));
        Assert.Equal(2, api.Sql.Count);
    }
}
