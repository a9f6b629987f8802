using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AssetMap.Api.Tests.Persistence;

/// <summary>
/// The SearchMonthDay migration's SQL backfill stores what the entities compute (<see cref="WeeklyPattern.For(Schedule)"/>):
/// rows saved by EF are taken back to before the migration (its Down) and forward again (its Up), and every activity's
/// columns must come back as the entity set them.
/// </summary>
public sealed class MonthDayBackfillTests(EmptyDatabaseFixture fixture) : IClassFixture<EmptyDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_migration_backfills_monthly_by_day_rules_as_the_entities_compute_them()
    {
        (string Rule, int Day)[] schedules =
        [
            ("FREQ=MONTHLY;BYMONTHDAY=14", 14), ("FREQ=MONTHLY;BYMONTHDAY=1", 1), ("FREQ=MONTHLY;BYMONTHDAY=28", 28),
            ("FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=9", 9), ("FREQ=MONTHLY;BYMONTHDAY=5;WKST=SU", 5),
            ("FREQ=MONTHLY;BYMONTHDAY=15", 14), ("FREQ=MONTHLY;BYMONTHDAY=29", 29), ("FREQ=MONTHLY;BYMONTHDAY=-1", 31),
            ("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6", 15), ("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15", 15),
            ("FREQ=MONTHLY;BYMONTHDAY=1,15", 15), ("FREQ=MONTHLY;BYDAY=2WE", 14), ("FREQ=WEEKLY;BYDAY=TU", 13),
        ];
        var activities = schedules.Select((s, i) => SocialPrescribingActivity.Create(Profile($"Backfill {i}"), [], new ActivityDetails(
            "Provider", null, Schedule.Create(new DateTime(2026, 10, s.Day, 10, 0, 0), TimeSpan.FromHours(1), s.Rule),
            Money.Free, null, ReferralRoute.SelfReferral, null))).ToList();
        Assert.Equal(5, activities.Count(a => a.SessionPattern == SessionPattern.MonthlyByDay));
        await using (var db = fixture.Database.CreateContext())
        {
            db.AddRange(activities);
            await db.SaveChangesAsync(Ct);

            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_SearchMonthDay", StringComparison.Ordinal));
            Assert.True(index > 0);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[index - 1], cancellationToken: Ct);
            var before = await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM assets WHERE session_pattern = 4").SingleAsync(Ct);
            Assert.Equal(0, before);
            await migrator.MigrateAsync(cancellationToken: Ct);
        }

        await using var read = fixture.Database.CreateContext();
        var stored = await read.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, Ct);
        Assert.Equal(activities.Count, stored.Count);
        Assert.All(activities, a => Assert.Equal(
            (a.Schedule.Rule, a.OpenDays, a.SessionPattern, a.SessionMonthWeek, a.SessionMonthDay),
            (a.Schedule.Rule, stored[a.Id].OpenDays, stored[a.Id].SessionPattern, stored[a.Id].SessionMonthWeek, stored[a.Id].SessionMonthDay)));
    }

    private static AssetProfile Profile(string name) => new(
        name, $"{name} summary", null, new Address("1 Test Street", "Grays", Postcode.Parse("RM17 6SL")), Geo.Point(0.32, 51.47),
        new Contact(null, null, null), true, null, AssetStatus.Published, DateTimeOffset.UtcNow, new AssetSource(null, null, null, null));
}
