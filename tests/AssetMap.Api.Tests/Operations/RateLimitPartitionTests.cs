using System.Net;
using System.Security.Claims;
using AssetMap.Api.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AssetMap.Api.Tests.Operations;

/// <summary>Which budget a request spends from, decided without a server.</summary>
public sealed class RateLimitPartitionTests
{
    private static readonly RateLimitingOptions Settings = new()
    {
        Rest = new() { PermitLimit = 100, WindowSeconds = 60 },
        GraphQL = new() { PermitLimit = 20, WindowSeconds = 60 },
        AuthenticatedFactor = 10,
    };

    [Theory]
    [InlineData("/api/v1/assets", "rest|ip|192.0.2.1", 100)]
    [InlineData("/graphql", "graphql|ip|192.0.2.1", 20)]
    [InlineData("/GRAPHQL/", "graphql|ip|192.0.2.1", 20)]
    [InlineData("/graphql/ui", "rest|ip|192.0.2.1", 100)]
    [InlineData("/nowhere", "rest|ip|192.0.2.1", 100)]
    public void Anonymous_callers_spend_their_address_budget(string path, string key, int permits)
    {
        var partition = RateLimiting.Partition(Request(path, user: null), Settings);

        Assert.Equal(key, partition.PartitionKey);
        using var limiter = partition.Factory(partition.PartitionKey);
        Assert.Equal(permits, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public void Signed_in_callers_get_a_larger_budget_of_their_own_wherever_they_connect_from()
    {
        var partition = RateLimiting.Partition(Request("/graphql", user: "alice"), Settings);

        Assert.Equal("graphql|user|alice", partition.PartitionKey);
        using var limiter = partition.Factory(partition.PartitionKey);
        Assert.Equal(200, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public void Health_probes_are_never_limited()
    {
        var partition = RateLimiting.Partition(Request("/health/ready", user: null), Settings);

        using var limiter = partition.Factory(partition.PartitionKey);
        Assert.All(Enumerable.Range(0, 10_000), _ => Assert.True(limiter.AttemptAcquire().IsAcquired));
    }

    private static DefaultHttpContext Request(string path, string? user)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.1");
        if (user is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "Test"));
        }

        return context;
    }
}
