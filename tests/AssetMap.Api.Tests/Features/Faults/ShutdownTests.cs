using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Tests.Features.Faults;

/// <summary>Stopping the server (what SIGTERM does) lets a request already under way finish, and takes no new ones.</summary>
public sealed class ShutdownTests(SlowDatabaseApi api) : IClassFixture<SlowDatabaseApi>
{
    [Fact]
    public async Task A_request_in_flight_when_the_server_stops_still_gets_its_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();
        var address = client.BaseAddress!;

        // One statement at 2 s: well inside the request budget, and still running when the stop begins.
        var inFlight = client.GetAsync("/api/v1/pcn-areas", ct);
        await Task.Delay(TimeSpan.FromMilliseconds(700), ct);
        Assert.False(inFlight.IsCompleted, "the request finished before the stop could overlap it");
        var shutdownTimeout = api.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        using var drain = new CancellationTokenSource(shutdownTimeout);
        var stopping = api.Services.GetRequiredService<IServer>().StopAsync(drain.Token);

        using var response = await inFlight;
        await stopping;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("U81042", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        using var late = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => late.GetAsync("/api/v1/pcn-areas", ct));
    }
}
