using System.Data.Common;
using AssetMap.Api.Tests.Features.Hostile;
using AssetMap.Domain.Persistence;
using AssetMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Features.Faults;

/// <summary>Production pointed at a port where no database listens: every connection is refused.</summary>
public sealed class NoDatabaseApi : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:AssetMap", $"Host=127.0.0.1;Port={ClosedPort()};Username=nobody;Database=none;Timeout=2");
    }

    // A port that was free a moment ago: bound, then released.
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Production behind Kestrel over the sample, with every SQL statement taking <see cref="Delay"/> longer.</summary>
public sealed class SlowDatabaseApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await SeedData.CreateSeededDatabaseAsync();
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:AssetMap", _database.ConnectionString);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<AssetMapDbContext>(o => o.AddInterceptors(new Slow())));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class Slow : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Delay, cancellationToken);
            return result;
        }
    }
}

/// <summary>Where the hostile-input helper lives, for the fault tests' answer checks.</summary>
internal static class Answers
{
    public static IEnumerable<string> Problems(string request, HttpResponseMessage response, string body, bool graphql) =>
        HostileInput.Problems(request, response, body, graphql);
}
