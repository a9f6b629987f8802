using AssetMap.Domain.Persistence;
using AssetMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Infrastructure;

/// <summary>
/// The real API pipeline over its own throwaway database, which the app itself fills from <c>seed-data/</c> at start-up,
/// exactly as <c>./run.sh</c> does (migrations come from the test template).
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    /// <summary>Counts the SQL commands the app sends (for N+1 tests).</summary>
    public SqlCommandCounter Sql { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();

        // Start the host now, so the sample is loaded before any test reads the database directly.
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:AssetMap", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedOnStartup", "true");
        builder.UseSetting("Database:SeedDirectory", SeedData.Directory);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<AssetMapDbContext>(o => o.AddInterceptors(Sql)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
