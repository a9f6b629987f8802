using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace AssetMap.Api.Tests.Features.Hostile;

/// <summary>
/// Issue 9's reproductions against the host as deployed: a NUL in q or a GraphQL GET with any Accept header, a batch
/// holding a non-object, a binding failure or an unknown route for a client that accepts no JSON. Each answers a 4xx
/// problem document (or GraphQL errors) and nothing else.
/// </summary>
public sealed class IssueNineReproductionTests(ProductionApi api) : IClassFixture<ProductionApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly TheoryData<string, string, string?, int> Requests = new()
    {
        { "GET", "/api/v1/assets?q=%00", "text/html", 400 },
        { "GET", "/api/v1/assets?q=%00", "application/xml", 400 },
        { "GET", "/graphql?query=%00", "text/html", 400 },
        { "GET", "/api/v1/assets?lat=abc&lon=0.3", "text/html", 400 },
        { "GET", "/api/v1/assets?lat=abc&lon=0.3", "application/xml", 400 },
        { "GET", "/api/v1/assets?page=x", "text/html", 400 },
        { "GET", "/api/v1/no-such-thing", "text/html", 404 },
        { "GET", "/api/v1/no-such-thing", "application/xml", 404 },
        { "GET", "/nope", null, 404 },
        { "DELETE", "/api/v1/assets", "text/html", 405 },
        { "PUT", "/api/v1/categories", "application/xml", 405 },
        { "DELETE", "/api/v1/hubs", "text/plain", 405 }, // POST creates a hub (editors) since issue 13
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_error_is_a_problem_document_whatever_the_client_accepts(string method, string url, string? accept, int status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var response = await api.CreateClient().SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(status, (int)response.StatusCode);
        var graphql = url.StartsWith("/graphql", StringComparison.Ordinal);
        Assert.Empty(HostileInput.Problems($"{method} {url} ({accept})", response, body, graphql));
        if (!graphql)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("[null]")]
    [InlineData("[null, {\"query\": \"{ __typename }\"}]")]
    [InlineData("[{\"query\": \"{ __typename }\"}, null]")]
    [InlineData("[1]")]
    [InlineData("[\"{ __typename }\"]")]
    [InlineData("[[]]")]
    [InlineData("[true]")]
    [InlineData("null")]
    [InlineData("1")]
    [InlineData("\"{ __typename }\"")]
    public async Task A_batch_or_body_that_is_not_request_objects_is_a_400(string body)
    {
        foreach (var accept in new[] { "application/json", "application/graphql-response+json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            var response = await api.CreateClient().SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body} ({accept}) → {(int)response.StatusCode}: {text}");
            Assert.Empty(HostileInput.Problems($"POST /graphql {body}", response, text, graphql: true));
            Assert.Contains("BAD_REQUEST", text, StringComparison.Ordinal);
        }
    }
}
