using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Assets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features;

public sealed class HealthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_checks_the_database_and_postgis()
    {
        var response = await api.CreateClient().GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("postgis").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_tells_anonymous_callers_no_versions_or_internals()
    {
        var body = await (await api.CreateClient().GetAsync("/health/ready", Ct)).Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain("PostGIS 3", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+\.\d+", body);
        Assert.DoesNotContain("description", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_answers_without_touching_the_database()
    {
        var response = await api.CreateClient().GetAsync("/health/live", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_is_unhealthy_when_the_database_is_unreachable()
    {
        await using var broken = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("ConnectionStrings:AssetMap", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2");
        });

        var response = await broken.CreateClient().GetAsync("/health/ready", Ct);
        var live = await broken.CreateClient().GetAsync("/health/live", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.DoesNotContain("nobody", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Restarting_the_app_leaves_the_data_alone()
    {
        api.CreateClient();
        await using var db = api.Database.CreateContext();
        var before = await db.Assets.CountAsync(Ct);

        await using (var second = new ApiFactoryOver(api.Database.ConnectionString))
        {
            Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health/ready", Ct)).StatusCode);
        }

        Assert.True(before > 0);
        Assert.Equal(before, await db.Assets.CountAsync(Ct));
        Assert.Equal(1, await db.Hubs.CountAsync(h => h.Name == "Aveley Village Hub" && h.Status == AssetStatus.Published, Ct));
    }

    private sealed class ApiFactoryOver(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:AssetMap", connectionString);
        }
    }
}
