using System.Globalization;
using System.Text.Json;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Taxonomy;
using AssetMap.Import.Importing;
using AssetMap.Import.OpenReferral;
using AssetMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features.OpenReferral;

/// <summary>
/// Publish the sample, read our own feed over HTTP into an empty second database (which has only our category tree,
/// as every AssetMap database does), publish that, and every entry comes back with the same name, kind, location,
/// schedule, cost and categories. Reading it again updates nothing and duplicates nothing.
/// </summary>
public sealed class OrukRoundTripTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] ScheduleFields = ["freq", "interval", "byday", "bymonthday", "dtstart", "opens_at", "closes_at"];

    [Fact]
    public async Task Reading_our_own_feed_into_an_empty_database_gives_back_every_entry()
    {
        var ct = TestContext.Current.CancellationToken;
        var published = await api.CreateClient().AllAsync("/services");
        await using var second = await TestDatabase.CreateAsync(ct);
        await CopyCategoryTreeAsync(second, ct);

        var source = new OrukFeedSource("http://localhost" + OrukFeed.Root, api.CreateClient());
        Assert.Equal("3.0", await source.VersionAsync(ct));
        ImportReport report;
        await using (var db = second.CreateContext())
        {
            report = await new OrukFeedImporter(db).ImportAsync(source, OrukReadMapping.None, archiveMissing: false, ct);
        }

        Assert.True(report.Problems.Count == 0, string.Join("\n", report.Problems.Select(p => $"{p.Sheet} {p.Column} {p.Value}: {p.Reason}")));
        Assert.Equal(published.Count, report.Counts.Created);

        await using var republishing = new ApiOverDatabase(second);
        var republished = await republishing.CreateClient().AllAsync("/services");
        Assert.Equal(published.Count, republished.Count);
        var back = republished.ToLookup(Fingerprint);
        foreach (var service in published)
        {
            Assert.True(back.Contains(Fingerprint(service)), $"{service.Str("name")} came back different:\n{Fingerprint(service)}\nnearest: {republished.Where(r => r.Str("name") == service.Str("name")).Select(Fingerprint).FirstOrDefault()}");
        }

        // Again: everything is recognised by its feed id.
        await using (var db = second.CreateContext())
        {
            var again = await new OrukFeedImporter(db).ImportAsync(source, OrukReadMapping.None, archiveMissing: false, ct);
            Assert.Equal(0, again.Counts.Created);
            Assert.Equal(published.Count, again.Counts.Updated + again.Counts.Unchanged);
            Assert.Equal(published.Count, await db.Assets.CountAsync(ct));
        }
    }

    // What must survive the trip, as one comparable line.
    private static string Fingerprint(JsonElement s)
    {
        var location = s.Location();
        var kind = s.Array("attributes").Select(a => a.GetProperty("taxonomy_term")).Where(t => t.Str("taxonomy") == "AssetMap kinds").Select(t => t.Str("term")).Single();
        var categories = string.Join(',', s.Array("attributes").Select(a => a.GetProperty("taxonomy_term")).Where(t => t.Str("taxonomy") != "AssetMap kinds").Select(t => t.Str("term")).Order(StringComparer.Ordinal));
        var schedules = string.Join('|', s.Array("schedules").Select(x => string.Join(' ', ScheduleFields
            .Select(p => x.TryGetProperty(p, out var v) ? v.ToString() : "-"))));
        var cost = string.Join('|', s.Array("cost_options").Select(c => $"{c.GetProperty("amount").GetDecimal().ToString(CultureInfo.InvariantCulture)} {(c.TryGetProperty("amount_description", out var d) ? d.GetString() : "-")}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.Str("name")} | {kind} | {location.GetProperty("latitude").GetDouble():F6},{location.GetProperty("longitude").GetDouble():F6} | {schedules} | {cost} | {categories}");
    }

    private async Task CopyCategoryTreeAsync(TestDatabase target, CancellationToken ct)
    {
        await using var from = api.Database.CreateContext();
        var categories = await from.Categories.AsNoTracking().ToListAsync(ct);
        await using var to = target.CreateContext();
        var parents = categories.Where(c => c.ParentId is null).ToDictionary(c => c.Id, c => Category.Create(c.Name, null, c.Synonyms));
        to.Categories.AddRange(parents.Values);
        to.Categories.AddRange(categories.Where(c => c.ParentId is { } p).Select(c => Category.Create(c.Name, parents[c.ParentId!.Value], c.Synonyms)));
        await to.SaveChangesAsync(ct);
    }

    /// <summary>The API over a database the test prepared (no sample loaded).</summary>
    private sealed class ApiOverDatabase(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:AssetMap", database.ConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "false");
        }
    }
}
