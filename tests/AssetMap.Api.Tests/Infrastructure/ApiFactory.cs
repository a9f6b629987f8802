using AssetMap.Domain.Persistence;
using AssetMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Infrastructure;

/// <summary>
/// The real API pipeline over its own throwaway database holding the sample, loaded through the importer library before
/// the host starts, as <c>./run.sh</c> runs <c>AssetMap.Import seed</c> first (migrations come from the test template).
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    /// <summary>Counts the SQL commands the app sends (for N+1 tests).</summary>
    public SqlCommandCounter Sql { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Database = await SeedData.CreateSeededDatabaseAsync();
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:AssetMap", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        foreach (var (key, value) in TestTokens.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.ConfigureDbContext<AssetMapDbContext>(o => o.AddInterceptors(Sql)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
