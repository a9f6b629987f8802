using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Features.Search;

/// <summary>
/// "Every other Tuesday" and friends through REST: a dated <c>openOn</c> answers rules every few weeks in SQL from the
/// interval and week phase columns, and rules the columns cannot state (a count, a Sunday week start with two days)
/// with Ical.Net; either way exactly as Ical.Net expands each rule. Fixed clock: searched on Wednesday 1 September 2027.
/// </summary>
public sealed class EveryFewWeeksSearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly DateOnly Today = new(2027, 9, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_every_other_tuesday_activity_is_found_on_its_tuesdays_and_not_the_ones_between()
    {
        var fortnightly = await AddAsync("Carers cafe every other Tuesday", new DateOnly(2027, 8, 3), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU");
        var threeWeekly = await AddAsync("Walk every third week", new DateOnly(2027, 9, 2), "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH");
        var ending = await AddAsync("Three fortnightly taster sessions", new DateOnly(2027, 8, 3), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=3");
        var sundayWeeks = await AddAsync("Weekend and Monday club", new DateOnly(2027, 9, 5), "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=SU");
        var ours = new[] { fortnightly, threeWeekly, ending, sundayWeeks };
        Assert.Equal((SessionPattern.EveryFewWeeks, 2), (fortnightly.SessionPattern!.Value, fortnightly.SessionEveryWeeks!.Value));
        Assert.Equal((SessionPattern.EveryFewWeeks, 3), (threeWeekly.SessionPattern!.Value, threeWeekly.SessionEveryWeeks!.Value));
        Assert.Equal((SessionPattern.Irregular, SessionPattern.Irregular), (ending.SessionPattern!.Value, sundayWeeks.SessionPattern!.Value));
        var client = api.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero))))).CreateClient();

        // A Tuesday in its week, the Tuesday after, and the Tuesdays of the three-weekly walk (not before it starts).
        Assert.Equal([fortnightly.Id], await FoundAsync(client, "2027-09-14", ours));
        var tuesdayAfter = await FoundAsync(client, "2027-09-21", ours);
        Assert.DoesNotContain(fortnightly.Id, tuesdayAfter);
        Assert.Equal([threeWeekly.Id], tuesdayAfter);
        Assert.Equal([fortnightly.Id, ending.Id], await FoundAsync(client, "2027-08-31", ours));
        Assert.Equal([sundayWeeks.Id], await FoundAsync(client, "2027-09-06", ours)); // the Monday after its Sunday

        // Six weeks of dates, each as Ical.Net expands the rules.
        var compared = 0;
        for (var date = new DateOnly(2027, 8, 30); date < new DateOnly(2027, 10, 11); date = date.AddDays(1))
        {
            var expected = ours.Where(a => a.Schedule.HasSessionOn(date)).Select(a => a.Id).ToList();
            Assert.Equal(expected, await FoundAsync(client, $"{date:yyyy-MM-dd}", ours));
            compared += expected.Count;
        }

        Assert.True(compared > 10);
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

    private async Task<SocialPrescribingActivity> AddAsync(string name, DateOnly first, string rule)
    {
        var activity = SocialPrescribingActivity.Create(
            new AssetProfile(name, $"{name}: come along", null, new Address("1 High Street", "Grays", Postcode.Parse("RM17 6SL")),
                Geo.Point(0.325, 51.478), new Contact(null, null, null), true, null, AssetStatus.Published, DateTimeOffset.UtcNow,
                new AssetSource(null, null, null, null)),
            [],
            new ActivityDetails("Grays Community Trust", null, Schedule.Create(first.ToDateTime(new TimeOnly(18, 30)), TimeSpan.FromHours(2), rule),
                Money.Free, null, ReferralRoute.SelfReferral, null));
        await using var db = api.Database.CreateContext();
        db.Add(activity);
        await db.SaveChangesAsync(Ct);
        return activity;
    }
}
