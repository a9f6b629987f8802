using System.Net;
using System.Text;
using System.Text.Json;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.GraphQL;

/// <summary>
/// Issue 9: one 20,000-character document held 911 aliased searches (5 s), and a batch of five such held a worker for
/// ~50 s. Database fields now cost what their statements do, per document and per batch, refused before any SQL.
/// </summary>
public sealed class QueryCostTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Aliases(int count, string field) => "{ " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: {field}")) + " }";

    public static readonly TheoryData<string> Bombs =
    [
        Aliases(200, "assets { totalCount }"),
        Aliases(700, "assets { totalCount }"),
        Aliases(40, "assets(openOn: \"tu\") { totalCount }"),
        Aliases(250, "asset(id: \"x\") { name }"),
        Aliases(250, "pcnArea(code: \"U81042\") { code }"),
        Aliases(100, "pcnAreas { code counts { total } }"),
        "{ pcnAreas { assets { totalCount } a: assets(text: \"a\") { totalCount } b: assets(text: \"b\") { totalCount } } }",
        "query { ...f } fragment f on Query { " + string.Join(" ", Enumerable.Range(0, 30).Select(i => $"h{i}: hubs {{ totalCount }}")) + " }",
    ];

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task An_alias_bomb_is_refused_with_a_code_before_any_sql(string query)
    {
        var client = api.CreateClient();
        api.Sql.Reset();

        var reply = await client.PostAsync(query, accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COSTLY", reply.FirstErrorCode());
        Assert.Contains("units", reply.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, api.Sql.Count);
    }

    [Fact]
    public async Task Ordinary_documents_fit_the_budget()
    {
        var client = api.CreateClient();

        client.PostAsync(Aliases(10, "assets { totalCount }")).GetAwaiter();
        Assert.Equal(10, (await client.PostAsync(Aliases(10, "assets { totalCount }"))).Data().EnumerateObject().Count());
        Assert.NotEmpty((await client.PostAsync("{ assets(first: 100) { edges { node { name categories { name } pcnArea { name } ... on SocialPrescribingActivity { venue { name } } } } } }"))
            .Data().GetProperty("assets").GetProperty("edges").EnumerateArray());
        Assert.NotEmpty((await client.PostAsync("{ pcnAreas { code name counts { total } } categories { slug } }")).Data().GetProperty("pcnAreas").EnumerateArray());
    }

    [Fact]
    public async Task A_batch_of_five_heavy_documents_runs_only_what_its_budget_allows()
    {
        var heavy = JsonSerializer.Serialize(new { query = Aliases(19, "assets { totalCount }") });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("[" + string.Join(",", Enumerable.Repeat(heavy, 5)) + "]", Encoding.UTF8, "application/json"),
        };
        api.Sql.Reset();

        var reply = await api.CreateClient().SendGraphQLAsync(request);

        var results = reply.Body.EnumerateArray().ToList();
        Assert.Equal(5, results.Count);
        Assert.All(results.Take(2), r => Assert.Equal(19, r.GetProperty("data").EnumerateObject().Count()));
        Assert.All(results.Skip(2), r => Assert.Equal("QUERY_TOO_COSTLY", r.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()));
        Assert.InRange(api.Sql.Count, 1, 2 * 19 * 4); // two documents of 19 searches: count, ids fresh/overdue, page
    }
}
