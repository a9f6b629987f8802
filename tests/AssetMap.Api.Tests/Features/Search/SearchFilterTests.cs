using System.Text.Json;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace AssetMap.Api.Tests.Features.Search;

public sealed class SearchFilterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pcn_restriction_equals_point_in_polygon_over_the_sample_boundaries()
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var published = await db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Published).Select(a => new { a.Id, a.Location }).ToListAsync(Ct);
        var boundaries = JsonSerializer.Deserialize<FeatureCollection>(
            await File.ReadAllTextAsync(Path.Combine(SeedData.Directory, "pcn-areas.geojson"), Ct), GeoJsonOptions)!;

        foreach (var area in boundaries)
        {
            var code = (string)area.Attributes["code"];
            var expected = published.Where(a => area.Geometry.Covers(new Point(a.Location.X, a.Location.Y))).Select(a => a.Id).Order().ToList();

            var viaPath = await client.GetAllItemsAsync($"/api/v1/pcn-areas/{code}/assets?pageSize=100");
            var viaParameter = await client.GetAllItemsAsync($"/api/v1/assets?pcn={code.ToLowerInvariant()}&pageSize=100");

            Assert.NotEmpty(expected);
            Assert.Equal(expected, viaPath.Select(i => i.Id()).Order());
            Assert.Equal(expected, viaParameter.Select(i => i.Id()).Order());
        }
    }

    [Fact]
    public async Task Kind_accessible_free_direct_payments_and_verified_filters_match_the_records()
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var published = await db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Published).ToListAsync(Ct);
        var since = new DateOnly(2026, 1, 1);

        await AssertSearch("kind=hub&kind=activity", published.Where(a => a.Kind is AssetKind.Hub or AssetKind.Activity));
        await AssertSearch("kind=micro-enterprise", published.OfType<MicroEnterprise>());
        await AssertSearch("accessible=true", published.Where(a => a.WheelchairAccessible));
        await AssertSearch("free=true", published.Where(a => a is MicroEnterprise { Price.IsFree: true } or SocialPrescribingActivity { Cost.IsFree: true }));
        await AssertSearch("acceptsDirectPayments=true", published.OfType<MicroEnterprise>().Where(m => m.AcceptsDirectPayments));
        await AssertSearch("verifiedSince=2026-01-01", published.Where(a => a.LastVerifiedAt >= new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        await AssertSearch("free=true&accessible=true&kind=activity", published.OfType<SocialPrescribingActivity>().Where(a => a.Cost is { IsFree: true } && a.WheelchairAccessible));

        async Task AssertSearch(string query, IEnumerable<Asset> expected)
        {
            var found = await client.GetAllItemsAsync($"/api/v1/assets?{query}&pageSize=100");
            var want = expected.Select(a => a.Id).Order().ToList();
            Assert.True(want.Count > 0, $"{query}: the sample has nothing to find, so the test would prove little");
            Assert.True(want.Count < published.Count, $"{query}: the filter keeps everything, so the test would prove little");
            Assert.Equal(want, found.Select(i => i.Id()).Order());
        }
    }

    [Theory]
    [InlineData("monday", null)]
    [InlineData("tue", null)]
    [InlineData("wednesday", null)]
    [InlineData("saturday", null)]
    [InlineData("2026-12-09", "2026-12-09")]
    [InlineData("2026-12-16", "2026-12-16")]
    [InlineData("2026-12-25", "2026-12-25")]
    public async Task OpenOn_agrees_with_opening_hours_and_schedules(string openOn, string? date)
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var hubs = await db.Hubs.AsNoTracking().Where(h => h.Status == AssetStatus.Published).ToListAsync(Ct);
        var activities = await db.Activities.AsNoTracking().Where(a => a.Status == AssetStatus.Published).ToListAsync(Ct);
        var day = date is null
            ? Enum.GetValues<DayOfWeek>().Single(d => d.ToString().StartsWith(openOn, StringComparison.OrdinalIgnoreCase))
            : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek;

        // Brute force over the coming year of sessions for each activity.
        bool Meets(SocialPrescribingActivity a)
        {
            var sessions = a.Schedule.NextSessions(DateTime.Today, 400).Where(s => s < DateTime.Today.AddYears(1));
            return date is null
                ? sessions.Any(s => s.DayOfWeek == day)
                : a.Schedule.NextSessions(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), 1)
                    .Any(s => DateOnly.FromDateTime(s) == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        }

        var expected = hubs.Where(h => h.OpeningHours?.Periods.Any(p => p.Day == day) == true).Select(h => h.Id)
            .Concat(activities.Where(Meets).Select(a => a.Id)).Order().ToList();

        var found = await client.GetAllItemsAsync($"/api/v1/assets?openOn={openOn}&pageSize=100");

        Assert.Equal(expected, found.Select(i => i.Id()).Order());
        Assert.DoesNotContain(found, i => i.Str("kind") == "microEnterprise");
    }

    [Fact]
    public async Task A_fortnightly_or_monthly_activity_is_open_on_its_dates_only()
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var monthly = (await db.Activities.AsNoTracking().Where(a => a.Status == AssetStatus.Published).ToListAsync(Ct))
            .First(a => a.Schedule.Rule.Contains("MONTHLY", StringComparison.Ordinal));
        var next = DateOnly.FromDateTime(monthly.Schedule.NextSessions(DateTime.Today, 1)[0]);

        var onTheDay = await client.GetAllItemsAsync($"/api/v1/activities?openOn={next:yyyy-MM-dd}&pageSize=100");
        var aWeekLater = await client.GetAllItemsAsync($"/api/v1/activities?openOn={next.AddDays(7):yyyy-MM-dd}&pageSize=100");

        Assert.Contains(monthly.Id, onTheDay.Select(i => i.Id()));
        Assert.DoesNotContain(monthly.Id, aWeekLater.Select(i => i.Id()));
    }
}
