using AssetMap.Domain.Assets;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;

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
        var activities = PatternBackfill.Activities(
        [
            ("FREQ=MONTHLY;BYMONTHDAY=14", 14), ("FREQ=MONTHLY;BYMONTHDAY=1", 1), ("FREQ=MONTHLY;BYMONTHDAY=28", 28),
            ("FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=9", 9), ("FREQ=MONTHLY;BYMONTHDAY=5;WKST=SU", 5),
            ("FREQ=MONTHLY;BYMONTHDAY=15", 14), ("FREQ=MONTHLY;BYMONTHDAY=29", 29), ("FREQ=MONTHLY;BYMONTHDAY=-1", 31),
            ("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6", 15), ("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15", 15),
            ("FREQ=MONTHLY;BYMONTHDAY=1,15", 15), ("FREQ=MONTHLY;BYDAY=2WE", 14), ("FREQ=WEEKLY;BYDAY=TU", 13),
        ]);
        Assert.Equal(5, activities.Count(a => a.SessionPattern == SessionPattern.MonthlyByDay));

        await PatternBackfill.RoundTripAsync(fixture.Database, activities, "SearchMonthDay", async db =>
        {
            var before = await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM assets WHERE session_pattern = 4").SingleAsync(Ct);
            Assert.Equal(0, before);
        });
    }
}
