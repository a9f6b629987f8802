using AssetMap.Domain.Assets;
using AssetMap.Import.Importing;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.Tests.Importing;

/// <summary>
/// New rows go in by binary COPY (<see cref="AssetCopy"/>), whose columns come from the EF model: an "every few
/// weeks" activity must arrive with the interval and week phase a dated search filters on, as EF would store them.
/// </summary>
public sealed class EveryFewWeeksImportTests : SeededWorkspace
{
    [Fact]
    public async Task An_imported_every_few_weeks_activity_stores_its_interval_and_week_phase()
    {
        var file = Path.Combine(Work, "fortnightly.csv");
        await File.WriteAllLinesAsync(file,
        [
            "Ref,Name,Summary,Provider,Address,Town,Postcode,Categories,First session,Start time,End time,Recurrence,Status",
            "ACT-921,Grays Carers Cafe,A cuppa and a chat every other Tuesday.,Grays Carers,Grays Library,Grays,RM16 2JT,Arts and crafts,13/10/2026,10:00,12:00,FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,Published",
            "ACT-922,Grays Walkers,Walks every third week on Tuesdays and Fridays.,Grays Walkers,Grays Library,Grays,RM16 2JT,Arts and crafts,23/10/2026,10:00,12:00,\"FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,FR\",Published",
            "ACT-923,Grays Weekenders,Sundays and Mondays every other week from Sunday.,Grays Walkers,Grays Library,Grays,RM16 2JT,Arts and crafts,18/10/2026,10:00,12:00,\"FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=SU\",Published",
        ], Ct);

        await using (var db = Database.CreateContext())
        {
            var report = await new AssetImporter(db, TimeProvider.System).ImportAsync(file, new AssetImportOptions(Kind: AssetKind.Activity), Ct);
            Assert.True(report.Applied, string.Join("; ", report.Problems.Select(p => p.Reason)));
            Assert.Equal(3, report.Counts.Created);
        }

        await using var read = Database.CreateContext();
        var stored = await read.Activities.AsNoTracking().Where(a => a.Source.ExternalRef!.StartsWith("ACT-92"))
            .ToDictionaryAsync(a => a.Source.ExternalRef!, a => (a.OpenDays, a.SessionPattern, a.SessionEveryWeeks, a.SessionWeekPhase), Ct);
        Assert.Equal((2, SessionPattern.EveryFewWeeks, 2, WeeklyPattern.WeekIndex(new DateOnly(2026, 10, 13)) % 2), stored["ACT-921"]);
        Assert.Equal((2 | 16, SessionPattern.EveryFewWeeks, 3, WeeklyPattern.WeekIndex(new DateOnly(2026, 10, 23)) % 3), stored["ACT-922"]);
        Assert.Equal((WeeklyPattern.AllDays, SessionPattern.Irregular, (int?)null, (int?)null), stored["ACT-923"]); // Sunday-based weeks
    }
}
