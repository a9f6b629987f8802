using AssetMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a loopback port (Playwright cannot reach the in-memory TestServer), over its own seeded
/// database, and one headless Debian chromium (<c>playwright install</c> cannot download here).
/// </summary>
public sealed class WebServer : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private Factory? _factory;
    private IPlaywright? _playwright;

    public TestDatabase Database { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The app's services (to make accounts through the same code the admin pages use).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Everything the app logs while the tests run (Serilog reads sinks from the container).</summary>
    public CapturedLogs Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: ./test.sh installs it (apt-get install chromium).");
        }

        Database = await SeedData.CreateSeededDatabaseAsync();
        _factory = new Factory(Database.ConnectionString, Logs);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (own cookies): with or without JavaScript, at a given width.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        // Tiles would come from the internet, which tests must not depend on: refuse them at once.
        await context.RouteAsync(url => !url.StartsWith(BaseUrl, StringComparison.Ordinal), route => route.AbortAsync());
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    private sealed class Factory(string connectionString, CapturedLogs logs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:AssetMap", connectionString);
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("RateLimiting:Enabled", "false"); // one browser is one client address: journeys, not limits, are tested here
            builder.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (key, value) in TestTokens.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(logs));
        }
    }
}
