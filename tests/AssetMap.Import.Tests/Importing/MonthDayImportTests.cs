using AssetMap.Domain.Assets;
using AssetMap.Import.Importing;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.Tests.Importing;

/// <summary>
/// New rows go in by binary COPY (<see cref="AssetCopy"/>), whose columns come from the EF model: a "14th of every
/// month" activity must arrive with the week search filters on (pattern and day of the month), as EF would store it.
/// </summary>
public sealed class MonthDayImportTests : SeededWorkspace
{
    [Fact]
    public async Task An_imported_nth_of_the_month_activity_stores_its_day_of_the_month()
    {
        var file = Path.Combine(Work, "monthly.csv");
        await File.WriteAllLinesAsync(file,
        [
            "Ref,Name,Summary,Provider,Address,Town,Postcode,Categories,First session,Start time,End time,Recurrence,Status",
            "ACT-914,Grays Repair Cafe,Bring broken things to mend on the 14th of each month.,Grays Fixers,Grays Library,Grays,RM16 2JT,Arts and crafts,14/10/2026,18:30,20:30,FREQ=MONTHLY;BYMONTHDAY=14,Published",
            "ACT-915,Grays Swap Shop,Swap clothes and books; first on the 13th.,Grays Fixers,Grays Library,Grays,RM16 2JT,Arts and crafts,13/10/2026,10:00,12:00,FREQ=MONTHLY;BYMONTHDAY=15,Published",
        ], Ct);

        await using (var db = Database.CreateContext())
        {
            var report = await new AssetImporter(db, TimeProvider.System).ImportAsync(file, new AssetImportOptions(Kind: AssetKind.Activity), Ct);
            Assert.True(report.Applied, string.Join("; ", report.Problems.Select(p => p.Reason)));
            Assert.Equal(2, report.Counts.Created);
        }

        await using var read = Database.CreateContext();
        var stored = await read.Activities.AsNoTracking().Where(a => a.Source.ExternalRef!.StartsWith("ACT-91"))
            .ToDictionaryAsync(a => a.Source.ExternalRef!, a => (a.OpenDays, a.SessionPattern, a.SessionMonthDay), Ct);
        Assert.Equal((WeeklyPattern.AllDays, SessionPattern.MonthlyByDay, 14), stored["ACT-914"]);
        Assert.Equal((WeeklyPattern.AllDays, SessionPattern.Irregular, (int?)null), stored["ACT-915"]); // first session off the 15th
    }
}
