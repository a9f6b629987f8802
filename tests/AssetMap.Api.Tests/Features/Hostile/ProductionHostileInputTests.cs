using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AssetMap.Api.Tests.Features.Hostile;

/// <summary>
/// The host as deployed (Production) gets NUL, lone surrogates, invalid UTF-8 escapes and 10,000-character ids on every
/// surface, with every kind of Accept header: no 5xx, every error is a problem document or a GraphQL error, and no body
/// carries exception text, stack, SQL state or server details.
/// </summary>
public sealed class ProductionHostileInputTests(ProductionApi api) : IClassFixture<ProductionApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // (field, argument, variable type, selection): every string argument the schema reads.
    private static readonly (string Field, string Argument, string Type, string Selection)[] GraphQLArguments =
    [
        ("asset", "id", "ID!", "__typename"), ("node", "id", "ID!", "__typename"), ("pcnArea", "code", "String!", "__typename"),
        ("postcode", "code", "String!", "__typename"), ("assets", "text", "String", "__typename"), ("assets", "pcnCode", "String", "__typename"),
        ("assets", "openOn", "String", "__typename"), ("assets", "postcode", "String", "__typename"), ("hubs", "text", "String", "__typename"),
        ("assets", "categories", "[String!]", "__typename"),
    ];

    [Fact]
    public async Task Rest_answers_hostile_paths_and_queries_with_problems_and_no_internals()
    {
        var problems = new List<string>();
        var client = api.CreateClient();
        foreach (var (url, graphql) in HostileInput.RestUrls())
        {
            // TestServer's client, like Kestrel, will not build a request whose path decodes to NUL (Kestrel answers
            // 400 itself): ProductionOverHttpTests sends those over real HTTP.
            if (url.AsSpan(0, url.IndexOf('?') is var q and >= 0 ? q : url.Length).Contains("%00", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var accept in HostileInput.AcceptHeaders)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                problems.AddRange(await SendAsync(client, request, accept, graphql));
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} bad answers:\n{string.Join("\n", problems.Take(40))}");
    }

    [Fact]
    public async Task GraphQL_answers_hostile_literals_and_variables_with_errors_and_no_internals()
    {
        var problems = new List<string>();
        var client = api.CreateClient();
        foreach (var (field, argument, type, selection) in GraphQLArguments)
        {
            var list = type.StartsWith('[');
            foreach (var value in HostileInput.Texts)
            {
                var literal = list ? $"[\"ok\", {HostileInput.GraphQLLiteral(value)}]" : HostileInput.GraphQLLiteral(value);
                var json = list ? $"[\"ok\", {HostileInput.JsonLiteral(value)}]" : HostileInput.JsonLiteral(value);
                var byLiteral = $"{{ {field}({argument}: {literal}) {{ {selection} }} }}";
                var byVariable = $"query($v: {type}) {{ {field}({argument}: $v) {{ {selection} }} }}";
                var variables = $"{{\"v\": {json}}}";
                foreach (var accept in HostileInput.AcceptHeaders.Append("application/graphql-response+json"))
                {
                    problems.AddRange(await PostAsync(client, byLiteral, null, accept));
                    problems.AddRange(await PostAsync(client, byVariable, variables, accept));
                    problems.AddRange(await GetAsync(client, byLiteral, null, accept));
                    problems.AddRange(await GetAsync(client, byVariable, variables, accept));
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} bad answers:\n{string.Join("\n", problems.Take(40))}");
    }

    [Fact]
    public async Task A_nul_or_lone_surrogate_in_a_graphql_argument_or_variable_is_bad_user_input_naming_it()
    {
        var client = api.CreateClient();

        var literal = await ErrorAsync(client, "{ asset(id: \"x\\u0000y\") { name } }", null);
        var variable = await ErrorAsync(client, "query($ids: ID!) { node(id: $ids) { id } }", "{\"ids\": \"x\\u0000y\"}");
        var surrogate = await ErrorAsync(client, "{ pcnArea(code: \"U8\\ud800\") { name } }", null);
        var nested = await ErrorAsync(client, "query($c: [String!]) { assets(categories: $c) { totalCount } }", "{\"c\": [\"ok\", \"\\ud800\"]}");

        Assert.Equal("BAD_USER_INPUT", literal.GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(literal.GetProperty("extensions").GetProperty("data").GetProperty("arguments").TryGetProperty("id", out _), literal.ToString());
        Assert.Equal("BAD_USER_INPUT", variable.GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(variable.GetProperty("extensions").GetProperty("data").GetProperty("variables").TryGetProperty("ids", out _), variable.ToString());
        Assert.True(surrogate.GetProperty("extensions").GetProperty("data").GetProperty("arguments").TryGetProperty("code", out _), surrogate.ToString());
        Assert.Contains(nested.GetProperty("extensions").GetProperty("code").GetString(), (string[])["BAD_USER_INPUT", "BAD_REQUEST"]);
    }

    [Theory]
    [InlineData("/api/v1/assets/x%ED%A0%80y", "text/html")]
    [InlineData("/api/v1/assets?q=%C3%28", "application/xml")]
    [InlineData("/api/v1/postcodes/%FF", null)]
    public async Task A_bad_character_in_a_url_is_a_400_problem_whatever_the_accept_header(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var response = await api.CreateClient().SendAsync(request, Ct);

        await Infrastructure.ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static async Task<JsonElement> ErrorAsync(HttpClient client, string query, string? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Body(query, variables) };
        var response = await client.SendAsync(request, Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(body.TryGetProperty("errors", out var errors), body.ToString());
        return errors[0].Clone();
    }

    private static async Task<IEnumerable<string>> PostAsync(HttpClient client, string query, string? variables, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Body(query, variables) };
        return await SendAsync(client, request, accept, graphql: true);
    }

    private static async Task<IEnumerable<string>> GetAsync(HttpClient client, string query, string? variables, string? accept)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query) + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(variables));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(client, request, accept, graphql: true);
    }

    private static StringContent Body(string query, string? variables) =>
        new($"{{\"query\": {HostileInput.JsonLiteral(query)}, \"variables\": {variables ?? "null"}}}", Encoding.UTF8, "application/json");

    internal static async Task<IEnumerable<string>> SendAsync(HttpClient client, HttpRequestMessage request, string? accept, bool graphql)
    {
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var described = $"{request.Method} {Shorten(request.RequestUri!.OriginalString)} (Accept: {accept ?? "none"})";
        var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return [.. HostileInput.Problems(described, response, body, graphql)];
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
