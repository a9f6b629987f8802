using System.Globalization;
using System.Text.Json;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.GraphQL;

public sealed class GraphQLSearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string NodeFields = "uuid name";

    public static TheoryData<string, string> Searches()
    {
        var data = new TheoryData<string, string>
        {
            { "postcode=RM16%202JT", "postcode: \"RM16 2JT\"" },
            { "postcode=rm16%202jt&radius=5000", "postcode: \"rm16 2jt\", radiusMetres: 5000" },
            { "lat=51.515&lon=0.433&radius=3000", "near: {latitude: 51.515, longitude: 0.433}, radiusMetres: 3000" },
            { "q=lunch", "text: \"lunch\"" },
            { "q=lnch%20club", "text: \"lnch club\"" },
            { "q=walk", "text: \"walk\"" },
            { "category=food-and-meals", "categories: [\"food-and-meals\"]" },
            { "category=pets&category=lunch-clubs", "categories: [\"pets\", \"lunch-clubs\"]" },
            { "kind=hub", "kinds: [HUB]" },
            { "kind=micro-enterprise&acceptsDirectPayments=true", "kinds: [MICRO_ENTERPRISE], acceptsDirectPayments: true" },
            { "openOn=tuesday", "openOn: \"tuesday\"" },
            { "openOn=2026-12-09&kind=activity", "openOn: \"2026-12-09\", kinds: [ACTIVITY]" },
            { "free=true", "free: true" },
            { "accessible=true&pcn=U81043", "accessible: true, pcnCode: \"U81043\"" },
            { "verifiedSince=2026-01-01", "verifiedSince: \"2026-01-01\"" },
            { "pcn=U81041&q=club", "pcnCode: \"U81041\", text: \"club\"" },
        };
        // Random points near the sample's postcodes (so every search finds something), random radii.
        var random = new Random(5);
        (double Lat, double Lon)[] towns = [(51.4782, 0.3245), (51.5015, 0.2560), (51.4617, 0.3580), (51.5115, 0.4300), (51.5230, 0.4120)];
        while (data.Count < 30)
        {
            var (townLat, townLon) = towns[random.Next(towns.Length)];
            var lat = Math.Round(townLat + ((random.NextDouble() - 0.5) * 0.01), 4);
            var lon = Math.Round(townLon + ((random.NextDouble() - 0.5) * 0.015), 4);
            var radius = 1_500 + random.Next(8_500);
            data.Add(
                string.Create(CultureInfo.InvariantCulture, $"lat={lat}&lon={lon}&radius={radius}"),
                string.Create(CultureInfo.InvariantCulture, $"near: {{latitude: {lat}, longitude: {lon}}}, radiusMetres: {radius}"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Rest_and_graphql_answer_a_search_with_the_same_ids_in_the_same_order(string rest, string arguments)
    {
        var client = api.CreateClient();

        var viaRest = (await client.GetAllItemsAsync($"/api/v1/assets?{rest}&pageSize=100")).Select(i => i.Id()).ToList();
        var viaGraphQL = await AllNodesAsync(client, arguments, pageSize: 7);

        Assert.NotEmpty(viaRest);
        Assert.Equal(viaRest, viaGraphQL.Select(n => Guid.Parse(n.GetProperty("uuid").GetString()!)));
    }

    [Fact]
    public async Task A_partner_pages_through_assets_inside_a_pcn_area_with_one_query()
    {
        var client = api.CreateClient();

        var inArea = await AllNodesAsync(client, "", pageSize: 4, field: "pcnArea(code: \"U81042\") { assets", closing: "}");
        var viaRest = await client.GetAllItemsAsync("/api/v1/pcn-areas/U81042/assets?pageSize=100");

        Assert.Equal(viaRest.Select(i => i.Id()), inArea.Select(n => Guid.Parse(n.GetProperty("uuid").GetString()!)));
    }

    [Fact]
    public async Task Page_info_and_cursors_walk_the_results_once()
    {
        var client = api.CreateClient();

        var first = (await client.PostAsync("{ assets(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor } } }")).Data().GetProperty("assets");
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await client.PostAsync("query($after: String) { assets(first: 3, after: $after) { pageInfo { hasPreviousPage } edges { cursor } } }", new { after = cursor })).Data().GetProperty("assets");

        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.False(first.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.True(second.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Empty(first.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("cursor").GetString())
            .Intersect(second.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("cursor").GetString())));
    }

    private static async Task<List<JsonElement>> AllNodesAsync(HttpClient client, string arguments, int pageSize, string field = "assets", string closing = "")
    {
        var nodes = new List<JsonElement>();
        string? after = null;
        do
        {
            var args = string.Join(", ", new[] { arguments, $"first: {pageSize}", "after: $after" }.Where(a => a.Length > 0));
            var query = $"query($after: String) {{ {field}({args}) {{ pageInfo {{ hasNextPage endCursor }} edges {{ node {{ {NodeFields} }} }} }} {closing} }}";
            var data = (await client.PostAsync(query, new { after })).Data();
            var connection = field.StartsWith("pcnArea", StringComparison.Ordinal) ? data.GetProperty("pcnArea").GetProperty("assets") : data.GetProperty("assets");
            nodes.AddRange(connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")));
            after = connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? connection.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        return nodes;
    }
}
