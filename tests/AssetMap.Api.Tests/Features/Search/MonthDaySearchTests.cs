using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Features.Search;

/// <summary>
/// "The 14th of every month" through REST: <c>openOn</c> answers it in SQL from the <c>session_month_day</c> column
/// and the first session, under way or not yet started, exactly as Ical.Net expands the rule. Searched on
/// 1 September 2027, when the coming twelve 14ths miss a Saturday (September 2027 to August 2028), so a weekday
/// without a session is certain, whatever day the test runs.
/// </summary>
public sealed class MonthDaySearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly DateOnly Today = new(2027, 9, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fourteenth_of_the_month_activity_is_found_on_the_14th_and_its_weekdays_only()
    {
        var today = Today;
        var thisMonth = new DateOnly(today.Year, today.Month, 14);
        var underWay = await AddAsync("Repair cafe on the 14th", thisMonth.AddMonths(-3));
        var startsSoon = await AddAsync("Book swap from the 14th", thisMonth.AddMonths(2));
        var startsLate = await AddAsync("Choir from the 14th", thisMonth.AddMonths(10));
        var ours = new[] { underWay, startsSoon, startsLate };
        Assert.All(ours, a => Assert.Equal((SessionPattern.MonthlyByDay, 14), (a.SessionPattern!.Value, a.SessionMonthDay!.Value)));
        var client = api.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero))))).CreateClient();

        // Dated: the next 14th, the day after it, and the first sessions of the two not yet started.
        var next14th = today.Day <= 14 ? thisMonth : thisMonth.AddMonths(1);
        Assert.Equal([underWay.Id], await FoundAsync(client, $"{next14th:yyyy-MM-dd}", ours));
        Assert.Empty(await FoundAsync(client, $"{next14th.AddDays(1):yyyy-MM-dd}", ours));
        Assert.Equal([underWay.Id, startsSoon.Id], await FoundAsync(client, $"{thisMonth.AddMonths(2):yyyy-MM-dd}", ours));
        Assert.Equal(ours.Select(a => a.Id), await FoundAsync(client, $"{thisMonth.AddMonths(10):yyyy-MM-dd}", ours));

        // Weekdays: as Ical.Net expands each rule over the coming year.
        var yearEnd = today.AddYears(1).ToDateTime(TimeOnly.MinValue);
        var expectedByDay = Enum.GetValues<DayOfWeek>().ToDictionary(day => day, day => ours
            .Where(a => a.Schedule.NextSessions(today.ToDateTime(TimeOnly.MinValue), 13).Any(s => s < yearEnd && s.DayOfWeek == day))
            .Select(a => a.Id).ToList());
        foreach (var (day, expected) in expectedByDay)
        {
            Assert.Equal(expected, await FoundAsync(client, day.ToString().ToLowerInvariant(), ours));
        }

        // Found and not found both ways: the one under way meets on six weekdays but not on Saturday; starting in ten
        // months (two sessions within the year), the late one meets on two weekdays only.
        Assert.Equal(6, expectedByDay.Values.Count(ids => ids.Contains(underWay.Id)));
        Assert.DoesNotContain(underWay.Id, expectedByDay[DayOfWeek.Saturday]);
        Assert.Equal(2, expectedByDay.Values.Count(ids => ids.Contains(startsLate.Id)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static async Task<List<Guid>> FoundAsync(HttpClient client, string openOn, SocialPrescribingActivity[] ours)
    {
        var found = (await client.GetAllItemsAsync($"/api/v1/activities?openOn={openOn}&pageSize=100")).Select(i => i.Id()).ToHashSet();
        return [.. ours.Select(a => a.Id).Where(found.Contains)];
    }

    private async Task<SocialPrescribingActivity> AddAsync(string name, DateOnly first)
    {
        var activity = SocialPrescribingActivity.Create(
            new AssetProfile(name, $"{name}: come along", null, new Address("1 High Street", "Grays", Postcode.Parse("RM17 6SL")),
                Geo.Point(0.325, 51.478), new Contact(null, null, null), true, null, AssetStatus.Published, DateTimeOffset.UtcNow,
                new AssetSource(null, null, null, null)),
            [],
            new ActivityDetails("Grays Community Trust", null, Schedule.Create(first.ToDateTime(new TimeOnly(18, 30)), TimeSpan.FromHours(2),
                "FREQ=MONTHLY;BYMONTHDAY=14"), Money.Free, null, ReferralRoute.SelfReferral, null));
        await using var db = api.Database.CreateContext();
        db.Add(activity);
        await db.SaveChangesAsync(Ct);
        return activity;
    }
}
