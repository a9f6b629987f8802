using System.Net;
using AssetMap.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Operations;

/// <summary>
/// The API in Production with small rate limits, one trusted proxy (10.0.0.1), and a test-only way to choose the TCP
/// peer: TestServer has none, so the <c>X-Test-Peer</c> header becomes the connection's remote address before the app runs.
/// </summary>
public sealed class RateLimitedApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int RestLimit = 4;
    public const int GraphQLLimit = 2;
    public const string TrustedProxy = "10.0.0.1";
    public const string PeerHeader = "X-Test-Peer";

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await SeedData.CreateSeededDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:AssetMap", _database.ConnectionString);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Rest:PermitLimit"] = $"{RestLimit}",
            ["RateLimiting:Rest:WindowSeconds"] = "600",
            ["RateLimiting:GraphQL:PermitLimit"] = $"{GraphQLLimit}",
            ["RateLimiting:GraphQL:WindowSeconds"] = "600",
            ["ForwardedHeaders:KnownProxies:0"] = TrustedProxy,
        }));
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerFromHeader>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
