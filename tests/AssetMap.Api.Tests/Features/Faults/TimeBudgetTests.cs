using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace AssetMap.Api.Tests.Features.Faults;

/// <summary>
/// No request holds a worker for more than a few seconds, however slow the database: REST stops at its budget with a
/// 503 problem, a GraphQL batch shares one budget and answers TIMEOUT, and shutdown waits for in-flight requests.
/// </summary>
public sealed class TimeBudgetTests(SlowDatabaseApi api) : IClassFixture<SlowDatabaseApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // RequestBudget.Seconds and GraphQLSetup.Timeout, plus room for a loaded test machine.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(9);

    [Fact]
    public async Task A_slow_rest_search_stops_at_its_budget_with_a_503_problem()
    {
        var clock = Stopwatch.StartNew();

        // Three statements at 2 s each (categories, count, page) outrun the 5 s budget.
        var response = await api.CreateClient().GetAsync("/api/v1/assets?category=lunch-clubs", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("SERVICE_UNAVAILABLE", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_graphql_batch_shares_one_budget()
    {
        var one = JsonSerializer.Serialize(new { query = "{ assets { totalCount } }" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("[" + string.Join(",", Enumerable.Repeat(one, 5)) + "]", Encoding.UTF8, "application/json"),
        };
        var clock = Stopwatch.StartNew();

        var response = await api.CreateClient().SendAsync(request, Ct);
        var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.EnumerateArray().ToList();

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.Equal(5, results.Count);
        Assert.Contains(results, r => r.TryGetProperty("errors", out var errors) && errors[0].GetProperty("extensions").GetProperty("code").GetString() == "TIMEOUT");
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task A_slow_graphql_search_stops_at_its_budget_with_a_503_and_a_timeout_error(string accept)
    {
        // As the REST search above: categories, count and page at 2 s each outrun the 5 s budget.
        var body = JsonSerializer.Serialize(new { query = "{ assets(categories: [\"lunch-clubs\"]) { totalCount } }" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(accept);
        var clock = Stopwatch.StartNew();

        var response = await api.CreateClient().SendAsync(request, Ct);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var error = answer.GetProperty("errors")[0];
        Assert.Equal("TIMEOUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("took longer than the 5 seconds", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Shutdown_waits_longer_than_any_request_may_take()
    {
        var options = (Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Hosting.HostOptions>)api.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Hosting.HostOptions>))!;

        // SIGTERM: Kestrel stops accepting and drains in-flight requests for up to ShutdownTimeout; each is bounded by its budget.
        Assert.True(options.Value.ShutdownTimeout > Bound, $"ShutdownTimeout is {options.Value.ShutdownTimeout}");
    }
}
