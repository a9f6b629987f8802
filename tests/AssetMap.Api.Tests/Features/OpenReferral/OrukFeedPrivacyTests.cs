using System.Globalization;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features.OpenReferral;

/// <summary>What the feed must never show, and <c>modified_after</c> (which changes a record, so it has its own database).</summary>
public sealed class OrukFeedPrivacyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_hidden_home_shows_only_its_coarse_point_and_no_street_address()
    {
        await using var db = api.Database.CreateContext();
        var homes = await db.Assets.AsNoTracking().OfType<MicroEnterprise>()
            .Where(m => m.Status == AssetStatus.Published && m.HomeBased && !m.ShowsHomeLocation)
            .Select(m => new { m.Id, m.Address, m.Location, m.PublicLocation })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(homes);
        var client = api.CreateClient();
        foreach (var home in homes)
        {
            foreach (var url in new[] { $"/services/{home.Id}", $"/service_at_locations/{home.Id}" })
            {
                var raw = await client.GetStringAsync(OrukFeed.Root + url, TestContext.Current.CancellationToken);
                var json = System.Text.Json.JsonDocument.Parse(raw).RootElement;
                var location = url.StartsWith("/services", StringComparison.Ordinal) ? json.Location() : json.GetProperty("location");
                Assert.Equal(home.PublicLocation.Y, location.GetProperty("latitude").GetDouble(), 9);
                Assert.Equal(home.PublicLocation.X, location.GetProperty("longitude").GetDouble(), 9);
                Assert.Empty(location.Array("addresses"));
                Assert.DoesNotContain(home.Address.Line!, raw, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(home.Address.Postcode!.Value, raw, StringComparison.OrdinalIgnoreCase);
                if (!home.PublicLocation.EqualsExact(home.Location))
                {
                    Assert.DoesNotContain(home.Location.Y.ToString("0.####", CultureInfo.InvariantCulture), raw, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task Only_published_assets_are_services_and_time_bank_members_never_appear()
    {
        await using var db = api.Database.CreateContext();
        var published = await db.Assets.CountAsync(a => a.Status == AssetStatus.Published, TestContext.Current.CancellationToken);
        var members = await db.TimeBankMembers.AsNoTracking().Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(members);
        var client = api.CreateClient();
        var services = await client.AllAsync("/services");
        Assert.Equal(published, services.Count);
        var ids = services.Select(s => s.Id()).ToHashSet();
        Assert.DoesNotContain(members, ids.Contains);
    }

    [Fact]
    public async Task Modified_after_returns_only_what_changed_since()
    {
        var client = api.CreateClient();
        var services = await client.AllAsync("/services");
        var latest = services.Max(s => s.GetProperty("last_modified").GetDateTimeOffset());
        var earliest = services.Min(s => s.GetProperty("last_modified").GetDateTimeOffset());
        Assert.Empty(await client.AllAsync($"/services?modified_after={Iso(latest)}"));
        Assert.Equal(services.Count, (await client.AllAsync($"/services?modified_after={Iso(earliest.AddSeconds(-1))}")).Count);

        // Change one entry through the domain, as an edit or re-import would.
        var changed = services[services.Count / 2].Id();
        await using (var db = api.Database.CreateContext())
        {
            var asset = await db.Assets.Include(a => a.Categories).SingleAsync(a => a.Id == changed, TestContext.Current.CancellationToken);
            asset.Reslug(asset.Slug + "-changed");
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var since = await client.AllAsync($"/services?modified_after={Iso(latest)}");
        Assert.Equal(changed, Assert.Single(since).Id());
        var dateOnly = await client.AllAsync($"/services?modified_after={latest.UtcDateTime.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(services.Count, dateOnly.Count);
    }

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
}
