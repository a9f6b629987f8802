using AssetMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AssetMap.Api.Tests.Features.Hostile;

/// <summary>The API as deployed: Production (no developer exception page, no details), over its own sample database.</summary>
public class ProductionApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase _database = null!;

    public virtual async ValueTask InitializeAsync() => _database = await SeedData.CreateSeededDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:AssetMap", _database.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, behind Kestrel on a free port: requests travel as real HTTP, as a client's would.</summary>
public sealed class KestrelProductionApi : ProductionApi
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
    }
}
