using System.Net;
using AssetMap.Api.Tests.Features.Hostile;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Operations;

/// <summary>Paging links are absolute and publicly cacheable: they must never carry a host the client made up.</summary>
public sealed class HostTests(KestrelProductionApi api) : IClassFixture<KestrelProductionApi>
{
    private const string Forged = "evil.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Urls() =>
        ["/api/v1/assets?pageSize=1", "/api/v1/hubs?pageSize=1", "/api/v1/pcn-areas/U81041/assets?pageSize=1", "/graphql?query=%7B__typename%7D", "/nowhere"];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task A_forged_host_is_refused_with_a_problem_that_does_not_repeat_it(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = Forged;

        var response = await api.CreateClient().SendAsync(request, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain(Forged, await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(response.Headers, h => h.Value.Any(v => v.Contains(Forged, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Forwarded_host_and_proto_from_an_unknown_peer_do_not_reach_the_links()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/assets?pageSize=1");
        request.Headers.Add("X-Forwarded-Host", Forged);
        request.Headers.Add("X-Forwarded-Proto", "gopher");

        var client = api.CreateClient();
        var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Forged, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("gopher", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"\"http://{client.BaseAddress!.Authority}/api/v1/assets?", body, StringComparison.Ordinal);
    }
}
