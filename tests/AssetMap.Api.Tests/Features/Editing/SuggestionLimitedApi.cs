using AssetMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace AssetMap.Api.Tests.Features.Editing;

/// <summary>The API with rate limits on (the test process turns them off by default) and a generous general budget, so only the suggestion form's own limit bites.</summary>
public sealed class SuggestionLimitedApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

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
        var settings = new Dictionary<string, string?>(TestTokens.Settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Rest:PermitLimit"] = "10000",
        };
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
