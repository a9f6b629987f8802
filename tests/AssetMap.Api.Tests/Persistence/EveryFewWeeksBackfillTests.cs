using AssetMap.Domain.Assets;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Persistence;

/// <summary>
/// The SearchEveryFewWeeks migration's SQL backfill stores what the entities compute (<see cref="WeeklyPattern.For(Schedule)"/>):
/// rows saved by EF are taken back to before the migration (its Down) and forward again (its Up), and every activity's
/// columns must come back as the entity set them, including a Sunday week start with two days that earlier entities
/// stored as every few weeks and that is now irregular.
/// </summary>
public sealed class EveryFewWeeksBackfillTests(EmptyDatabaseFixture fixture) : IClassFixture<EmptyDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_migration_backfills_every_few_weeks_rules_as_the_entities_compute_them()
    {
        var activities = PatternBackfill.Activities(
        [
            ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", 13), ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", 20), ("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,FR", 16),
            ("FREQ=WEEKLY;INTERVAL=4;BYDAY=MO,WE,FR", 21), ("FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,MO", 25), ("FREQ=WEEKLY;INTERVAL=4;BYDAY=SA", 3),
            ("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU;WKST=SU", 13), ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=MO", 18),
            ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;WKST=SU", 13), ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", 14),
            ("FREQ=WEEKLY;INTERVAL=5;BYDAY=TU", 13), ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=4", 13),
            ("FREQ=WEEKLY;BYDAY=TU", 13), ("FREQ=MONTHLY;BYDAY=2WE", 14), ("FREQ=MONTHLY;BYMONTHDAY=14", 14),
        ]);
        Assert.Equal(8, activities.Count(a => a.SessionPattern == SessionPattern.EveryFewWeeks));
        Assert.Equal(4, activities.Select(a => a.SessionWeekPhase).Distinct().Count()); // null and phases 0, 1, 2 at least

        await PatternBackfill.RoundTripAsync(fixture.Database, activities, "SearchEveryFewWeeks", async db =>
        {
            // As the entities stored it before: every few weeks, whatever the week start.
            var before = await db.Database.ExecuteSqlRawAsync(
                "UPDATE assets SET session_pattern = 2, open_days = 2 | 16 WHERE schedule_rule = 'FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=TU,FR'", Ct);
            Assert.Equal(1, before);
        });
    }
}
