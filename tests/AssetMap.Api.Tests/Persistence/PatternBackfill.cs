using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AssetMap.Api.Tests.Persistence;

/// <summary>
/// For the tests of a migration that backfills the weekly-pattern columns in SQL: activities as the entities build
/// them, saved by EF, the database taken back to before the migration (its Down) and forward again (its Up), then
/// every activity's columns compared with what its entity computed (<see cref="WeeklyPattern.For(Schedule)"/>).
/// </summary>
internal static class PatternBackfill
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One activity per rule, its first session at 10:00 on the given day of October 2026 (the 12th is a Monday).</summary>
    public static List<SocialPrescribingActivity> Activities((string Rule, int Day)[] schedules) =>
        [.. schedules.Select((s, i) => SocialPrescribingActivity.Create(Profile($"Backfill {i}"), [], new ActivityDetails(
            "Provider", null, Schedule.Create(new DateTime(2026, 10, s.Day, 10, 0, 0), TimeSpan.FromHours(1), s.Rule),
            Money.Free, null, ReferralRoute.SelfReferral, null)))];

    /// <summary>
    /// Saves <paramref name="activities"/>, migrates down to just before the migration named <paramref name="migration"/>,
    /// runs <paramref name="beforeUp"/> (the state to start from), migrates up again and checks every activity's columns.
    /// </summary>
    public static async Task RoundTripAsync(
        TestDatabase database, List<SocialPrescribingActivity> activities, string migration, Func<AssetMapDbContext, Task> beforeUp)
    {
        await using (var db = database.CreateContext())
        {
            db.AddRange(activities);
            await db.SaveChangesAsync(Ct);

            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith($"_{migration}", StringComparison.Ordinal));
            Assert.True(index > 0);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[index - 1], cancellationToken: Ct);
            await beforeUp(db);
            await migrator.MigrateAsync(cancellationToken: Ct);
        }

        await using var read = database.CreateContext();
        var stored = await read.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, Ct);
        Assert.Equal(activities.Count, stored.Count);
        Assert.All(activities, a => Assert.Equal(
            (a.Schedule.Rule, a.OpenDays, a.SessionPattern, a.SessionMonthWeek, a.SessionMonthDay, a.SessionEveryWeeks, a.SessionWeekPhase),
            (a.Schedule.Rule, stored[a.Id].OpenDays, stored[a.Id].SessionPattern, stored[a.Id].SessionMonthWeek, stored[a.Id].SessionMonthDay,
                stored[a.Id].SessionEveryWeeks, stored[a.Id].SessionWeekPhase)));
    }

    private static AssetProfile Profile(string name) => new(
        name, $"{name} summary", null, new Address("1 Test Street", "Grays", Postcode.Parse("RM17 6SL")), Geo.Point(0.32, 51.47),
        new Contact(null, null, null), true, null, AssetStatus.Published, DateTimeOffset.UtcNow, new AssetSource(null, null, null, null));
}
