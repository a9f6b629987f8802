using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Operations;

/// <summary>Each test is its own client address (or addresses), so the tests share one host without sharing budgets.</summary>
public sealed class RateLimitingTests(RateLimitedApi api) : IClassFixture<RateLimitedApi>
{
    private const string RestUrl = "/api/v1/categories";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Past_the_rest_budget_a_client_gets_429_with_retry_after_and_a_problem_whatever_it_accepts()
    {
        var client = api.CreateClient();
        for (var i = 0; i < RateLimitedApi.RestLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, RestUrl, "203.0.113.1")).StatusCode);
        }

        var refused = await SendAsync(client, RestUrl, "203.0.113.1", accept: "text/html");

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        Assert.Contains("Try again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, RestUrl, "203.0.113.2")).StatusCode); // another client
    }

    [Fact]
    public async Task Health_static_files_and_graphql_do_not_spend_the_rest_budget()
    {
        var client = api.CreateClient();
        await ExhaustRestAsync(client, "203.0.113.10");

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "/health/live", "203.0.113.10")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "/health/ready", "203.0.113.10")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "/graphql-ui/graphiql-page.css", "203.0.113.10")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostGraphQLAsync(client, "203.0.113.10")).StatusCode);
    }

    [Fact]
    public async Task Graphql_has_its_own_smaller_budget()
    {
        var client = api.CreateClient();
        for (var i = 0; i < RateLimitedApi.GraphQLLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostGraphQLAsync(client, "203.0.113.20")).StatusCode);
        }

        var refused = await PostGraphQLAsync(client, "203.0.113.20");

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, RestUrl, "203.0.113.20")).StatusCode);
    }

    [Fact]
    public async Task Forwarded_for_from_an_untrusted_peer_does_not_change_the_partition()
    {
        var client = api.CreateClient();
        await ExhaustRestAsync(client, "198.51.100.7");

        var spoofed = await SendAsync(client, RestUrl, "198.51.100.7", forwardedFor: "192.0.2.99");

        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);
    }

    [Fact]
    public async Task Forwarded_for_from_a_configured_proxy_names_the_client()
    {
        var client = api.CreateClient();
        await ExhaustRestAsync(client, RateLimitedApi.TrustedProxy, forwardedFor: "192.0.2.30");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(client, RestUrl, RateLimitedApi.TrustedProxy, forwardedFor: "192.0.2.30")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, RestUrl, RateLimitedApi.TrustedProxy, forwardedFor: "192.0.2.31")).StatusCode);
        // The budget belongs to the client, not the proxy: the same client arriving directly has spent it too.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(client, RestUrl, "192.0.2.30")).StatusCode);
    }

    private static async Task ExhaustRestAsync(HttpClient client, string peer, string? forwardedFor = null)
    {
        for (var i = 0; i <= RateLimitedApi.RestLimit; i++)
        {
            await SendAsync(client, RestUrl, peer, forwardedFor: forwardedFor);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, string url, string peer, string? accept = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(RateLimitedApi.PeerHeader, peer);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<HttpResponseMessage> PostGraphQLAsync(HttpClient client, string peer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(RateLimitedApi.PeerHeader, peer);
        return await client.SendAsync(request, Ct);
    }
}
