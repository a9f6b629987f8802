using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AssetMap.Api.Tests.Features.Faults;

/// <summary>
/// Issue 9: with the database stopped, clients got a generic 500 (GraphQL: 200 with an NPGSQL error). Now REST answers
/// 503 problem details with Retry-After whatever the Accept header, and GraphQL a 503 with a SERVICE_UNAVAILABLE error.
/// </summary>
public sealed class DatabaseUnavailableTests(NoDatabaseApi api) : IClassFixture<NoDatabaseApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/assets", null)]
    [InlineData("/api/v1/assets?q=lunch", "text/html")]
    [InlineData("/api/v1/pcn-areas/U81042", "application/xml")]
    [InlineData("/api/v1/categories", "application/json")]
    [InlineData("/api/v1/postcodes/RM16%202JT", null)]
    public async Task Rest_answers_503_problem_with_retry_after(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var response = await api.CreateClient().SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        Assert.Equal("SERVICE_UNAVAILABLE", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain(Answers.Problems($"GET {url}", response, body, graphql: false), p => !p.Contains("server error", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ assets { totalCount } }")]
    [InlineData("{ pcnArea(code: \"U81042\") { name } }")]
    public async Task GraphQL_answers_service_unavailable(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };

        var response = await api.CreateClient().SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];

        Assert.Equal("SERVICE_UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        Assert.DoesNotContain("nobody", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
    }
}
