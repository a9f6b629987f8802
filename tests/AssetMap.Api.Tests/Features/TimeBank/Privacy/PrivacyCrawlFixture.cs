using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AssetMap.Api.Features.OpenReferral;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Spatial;
using AssetMap.Domain.TimeBank;
using AssetMap.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Features.TimeBank.Privacy;

/// <summary>
/// The sample plus two sentinel members with distinctive words and contact details, registered from different exact
/// homes in the same ~1 km cell; the API with its rate limiter off (the crawl sends thousands of requests).
/// </summary>
public sealed class PrivacyCrawlFixture : IAsyncLifetime
{
    /// <summary>Two homes about 1 km apart that snap to the same cell (centre 51.495 N, 0.3525 E).</summary>
    public static readonly (double Lat, double Lon) HomeA = (51.4905, 0.3460);

    public static readonly (double Lat, double Lon) HomeB = (51.4995, 0.3585);

    public const string SentinelA = "Zephyrine Q.";
    public const string SentinelB = "Zebedee Q.";

    private readonly ApiFactory _api = new();

    internal WebApplicationFactory<Program> App { get; private set; } = null!;

    internal MemberSecrets Secrets { get; private set; } = null!;

    internal CrawlInputs Inputs { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _api.InitializeAsync();
        App = _api.WithWebHostBuilder(b => b.UseSetting("RateLimiting:Enabled", "false"));
        var ct = TestContext.Current.CancellationToken;
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        var bank = await db.TimeBanks.FirstAsync(ct);
        Assert.True(Postcode.TryParse("RM17 6SX", out var postcode, out _));
        db.TimeBankMembers.AddRange(
            Sentinel(bank.Id, "TB-SENT-1", "Zephyrine", "Quokka grooming in my xylophone workshop", "07700 900123, zephyrine.private@example.org", postcode, HomeA),
            Sentinel(bank.Id, "TB-SENT-2", "Zebedee", "Marmalade tasting by the vermilion canal", "07700 900456, zebedee.private@example.org", postcode, HomeB));
        await db.SaveChangesAsync(ct);

        Secrets = await MemberSecrets.LoadAsync(db, ct);
        var hub = await db.Hubs.OrderBy(a => a.Name).FirstAsync(ct);
        var postcodes = await db.Postcodes.AsNoTracking().OrderBy(p => p.Postcode).Select(p => p.Postcode).ToListAsync(ct);
        using var http = App.CreateClient();
        var services = await http.GetFromJsonAsync<JsonElement>("/openreferral/v3/services", ct);
        var organizations = await http.GetFromJsonAsync<JsonElement>("/openreferral/v3/organizations", ct);
        Inputs = new CrawlInputs
        {
            Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(ct),
            Words = Secrets.Words,
            Postcodes = [.. postcodes.Where((_, i) => i % 6 == 0).Select(p => p.Value)],
            MemberKeys = [.. Secrets.Ids.Select(id => id.ToString()), .. Secrets.Refs],
            RealValues = new Dictionary<string, string[]>
            {
                ["idOrSlug"] = [hub.Id.ToString(), hub.Slug, (await db.MicroEnterprises.OrderBy(a => a.Name).FirstAsync(ct)).Id.ToString(), (await db.Activities.OrderBy(a => a.Name).FirstAsync(ct)).Id.ToString()],
                ["key"] = [hub.Slug],
                ["code"] = [.. await db.PcnAreas.OrderBy(a => a.Code).Select(a => a.Code).ToListAsync(ct)],
                ["postcode"] = [hub.PublicPostcode!],
                ["id"] = [services.GetProperty("contents")[0].GetProperty("id").GetString()!, organizations.GetProperty("contents")[0].GetProperty("id").GetString()!,
                    OrukIds.Taxonomy.ToString(), OrukIds.TaxonomyTerm("gardening").ToString()],
            },
        };
    }

    private static TimeBankMember Sentinel(Guid bank, string memberRef, string firstName, string words, string contact, Postcode postcode, (double Lat, double Lon) home) =>
        TimeBankMember.Register(
            bank, memberRef,
            new MemberProfile(firstName, "Q", ["gardening", "befriending"], ["cleaning"], words, "Tuesday afternoons", ContactPreference.Phone, contact),
            postcode, Geo.Point(home.Lon, home.Lat), new DateOnly(2026, 1, 5), MemberStatus.Active, AssetSource.Manual);

    internal HttpClient Client(string? role)
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("crawler-" + role, role));
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _api.DisposeAsync();
    }
}
