using System.Net;
using AssetMap.Api.Tests.Features.Hostile;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AssetMap.Api.Tests.Operations;

/// <summary>Production behind its public name: plain http is redirected to https, and https answers carry HSTS.</summary>
public sealed class HttpsTests(HttpsTests.PublicHostApi api) : IClassFixture<HttpsTests.PublicHostApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        var client = api.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://assetmap.example.org"),
            AllowAutoRedirect = false,
        });

        var response = await client.GetAsync("/api/v1/categories", Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://assetmap.example.org/api/v1/categories", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Https_answers_tell_browsers_to_stay_on_https()
    {
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://assetmap.example.org") });

        var response = await client.GetAsync("/api/v1/categories", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    public sealed class PublicHostApi : ProductionApi
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("AllowedHosts", "assetmap.example.org");
            builder.UseSetting("https_port", "443");
        }
    }
}
