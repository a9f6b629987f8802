using System.Net;
using System.Text;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.GraphQL;

public sealed class GraphQLTransportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_query_answers_graphql_response_json_or_plain_json_as_accepted()
    {
        var client = api.CreateClient();

        var modern = await client.PostAsync("{ pcnAreas { code } }");
        var legacy = await client.PostAsync("{ pcnAreas { code } }", accept: "application/json");

        Assert.Equal("application/graphql-response+json", modern.MediaType);
        Assert.Equal("application/json", legacy.MediaType);
        Assert.Equal(4, modern.Data().GetProperty("pcnAreas").GetArrayLength());
        Assert.Equal(4, legacy.Data().GetProperty("pcnAreas").GetArrayLength());
    }

    [Fact]
    public async Task Get_serves_queries()
    {
        var reply = await api.CreateClient().SendGraphQLAsync(new HttpRequestMessage(HttpMethod.Get,
            "/graphql?query=" + Uri.EscapeDataString("query($c: String!) { pcnArea(code: $c) { name } }") + "&variables=" + Uri.EscapeDataString("{\"c\":\"U81042\"}")));

        Assert.Equal("Grays PCN", reply.Data().GetProperty("pcnArea").GetProperty("name").GetString());
    }

    public static TheoryData<string, HttpStatusCode, string> InvalidDocuments() => new()
    {
        { "{ assets { edges { node { name } }", HttpStatusCode.BadRequest, "SYNTAX_ERROR" },
        { "{ nope }", HttpStatusCode.BadRequest, "FIELDS_ON_CORRECT_TYPE" },
        { "mutation { nope }", HttpStatusCode.BadRequest, "" },
        { DepthBomb(6), HttpStatusCode.BadRequest, "COMPLEXITY" },
    };

    /// <summary>assets → venue → area → assets … nested <paramref name="levels"/> times: far deeper than any real query.</summary>
    private static string DepthBomb(int levels)
    {
        var inner = "name";
        for (var i = 0; i < levels; i++)
        {
            inner = $"assets {{ edges {{ node {{ ... on SocialPrescribingActivity {{ venue {{ pcnArea {{ {inner} }} }} }} }} }} }}";
        }

        return "{ " + inner + " }";
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task Documents_that_cannot_be_executed_are_400s_with_a_code_and_no_internals(string query, HttpStatusCode status, string code)
    {
        var reply = await api.CreateClient().PostAsync(query);

        Assert.Equal(status, reply.Status);
        Assert.False(reply.Body.TryGetProperty("data", out _));
        if (code.Length > 0)
        {
            Assert.Equal(code, reply.FirstErrorCode());
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(reply.FirstErrorCode()));
        }

        Assert.DoesNotContain("   at ", reply.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("details", reply.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complexity_bomb_is_refused_before_it_runs()
    {
        var sql = api.Sql;
        var aliases = string.Join(" ", Enumerable.Range(0, 40).Select(i => $"a{i}: assets(first: 100) {{ edges {{ node {{ name categories {{ name }} pcnArea {{ name }} }} }} }}"));
        sql.Reset();

        var reply = await api.CreateClient().PostAsync($"{{ {aliases} }}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.False(string.IsNullOrEmpty(reply.FirstErrorCode()));
        Assert.Equal(0, sql.Count);
    }

    [Fact]
    public async Task Variables_of_the_wrong_type_are_a_400()
    {
        var reply = await api.CreateClient().PostAsync("query($r: Int) { assets(postcode: \"RM16 2JT\", radiusMetres: $r) { totalCount } }", new { r = "far" });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_VALUE", reply.FirstErrorCode());
    }

    [Theory]
    [InlineData("{ assets(first: 10000) { totalCount } }", "first")]
    [InlineData("{ assets(postcode: \"ZZ9 9ZZ\") { totalCount } }", "postcode")]
    [InlineData("{ assets(postcode: \"RM16 2JT\", radiusMetres: 0) { totalCount } }", "radiusMetres")]
    [InlineData("{ assets(near: {latitude: 91, longitude: 0}) { totalCount } }", "near")]
    [InlineData("{ assets(categories: [\"knitting\"]) { totalCount } }", "categories")]
    [InlineData("{ assets(text: \"%\") { totalCount } }", "text")]
    [InlineData("{ assets(after: \"not-a-cursor\") { totalCount } }", "after")]
    [InlineData("{ postcode(code: \"RM17\") { code } }", "code")]
    public async Task Bad_arguments_are_bad_user_input_naming_the_argument(string query, string argument)
    {
        var reply = await api.CreateClient().PostAsync(query);

        Assert.Equal(HttpStatusCode.OK, reply.Status); // executed: the error is in the result, data is null
        Assert.Equal("BAD_USER_INPUT", reply.FirstErrorCode());
        Assert.True(reply.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("data").GetProperty("arguments").TryGetProperty(argument, out _),
            reply.Body.ToString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\": ", Encoding.UTF8, "application/json") };

        var reply = await api.CreateClient().SendGraphQLAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("BAD_REQUEST", reply.FirstErrorCode());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{ pcnAreas { code } }", Encoding.UTF8, "application/graphql") };

        var reply = await api.CreateClient().SendGraphQLAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
    }

    [Fact]
    public async Task A_huge_document_is_refused()
    {
        var reply = await api.CreateClient().PostAsync("{ pcnAreas { code } }" + new string(' ', 25_000));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("DOCUMENT_TOO_LARGE", reply.FirstErrorCode());
    }

    [Fact]
    public async Task Batches_are_answered_in_order_and_capped()
    {
        var client = api.CreateClient();
        using var two = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("[{\"query\":\"{ pcnArea(code: \\\"U81041\\\") { code } }\"},{\"query\":\"{ pcnArea(code: \\\"U81042\\\") { code } }\"}]", Encoding.UTF8, "application/json"),
        };
        using var six = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("[" + string.Join(",", Enumerable.Repeat("{\"query\":\"{ pcnAreas { code } }\"}", 6)) + "]", Encoding.UTF8, "application/json"),
        };

        var batch = await client.SendGraphQLAsync(two);
        var tooMany = await client.SendGraphQLAsync(six);

        Assert.Equal(HttpStatusCode.OK, batch.Status);
        Assert.Equal(["U81041", "U81042"], batch.Body.EnumerateArray().Select(r => r.GetProperty("data").GetProperty("pcnArea").GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Equal("BATCH_TOO_LARGE", tooMany.FirstErrorCode());
    }

    [Fact]
    public async Task Browser_partners_may_post_from_any_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", "https://gp-system.example.org");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        var response = await api.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Fifty_results_with_venues_areas_and_categories_cost_a_small_constant_number_of_sql_commands()
    {
        const string Query = "query($n: Int) { assets(first: $n) { totalCount edges { node { name categories { slug } pcnArea { code name } ... on SocialPrescribingActivity { venue { name pcnArea { code } categories { name } } } } } } }";
        var client = api.CreateClient();
        await client.PostAsync(Query, new { n = 1 }); // warm up: start-up work is not the query's

        api.Sql.Reset();
        var fifty = (await client.PostAsync(Query, new { n = 50 })).Data();
        var commandsForFifty = api.Sql.Count;
        api.Sql.Reset();
        (await client.PostAsync(Query, new { n = 5 })).Data();
        var commandsForFive = api.Sql.Count;

        var edges = fifty.GetProperty("assets").GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(50, edges.Count);
        Assert.Contains(edges, e => e.GetProperty("node").TryGetProperty("venue", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.InRange(commandsForFifty, 1, 11); // search: count, ids by segment, page; then the loaders
        // Not one more per result: at most the overdue entries' segment (or the count a short page saves) differs.
        Assert.InRange(commandsForFifty - commandsForFive, -1, 1);
    }

    [Fact]
    public async Task Time_bank_members_do_not_exist_in_the_public_schema()
    {
        var client = api.CreateClient();

        var types = (await client.PostAsync("{ __schema { types { name fields { name } } } }")).Data().GetProperty("__schema").GetProperty("types");
        var memberId = Convert.ToBase64String(Encoding.UTF8.GetBytes("TimeBankMember:" + Guid.NewGuid()));
        var node = await client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = memberId });

        var text = types.ToString();
        Assert.DoesNotContain("TimeBank", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Member", text, StringComparison.Ordinal);
        Assert.Equal("BAD_USER_INPUT", node.FirstErrorCode());
    }
}
