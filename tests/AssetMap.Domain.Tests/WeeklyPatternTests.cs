using AssetMap.Domain.Assets;

namespace AssetMap.Domain.Tests;

/// <summary>
/// The columns search filters <c>openOn</c> with must say exactly what Ical.Net says: for every regular rule and every
/// date over half a year, the SQL test (weekday bit, first session, week of the month) agrees with
/// <see cref="Schedule.HasSessionOn(DateOnly)"/> and <see cref="Schedule.HasSessionOn(DayOfWeek, DateOnly)"/>.
/// A monthly-by-day rule meets on a weekday when its first session starts before its day's
/// <see cref="WeeklyPattern.MonthDayCutoffs"/>.
/// </summary>
public sealed class WeeklyPatternTests
{
    public static TheoryData<string, int, int> Regular => new()
    {
        { "FREQ=WEEKLY;BYDAY=TU", 13, 1 },
        { "FREQ=WEEKLY;BYDAY=TU,FR", 13, 1 },
        { "FREQ=WEEKLY;BYDAY=MO,TH", 12, 1 },
        { "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", 14, 2 },
        { "FREQ=MONTHLY;BYDAY=2WE", 14, 3 },
        { "FREQ=MONTHLY;BYDAY=1TU", 6, 3 },
        { "FREQ=MONTHLY;BYDAY=-1FR", 30, 3 },
        { "FREQ=MONTHLY;BYDAY=3TH", 15, 3 },
        { "FREQ=DAILY", 20, 1 },
        { "FREQ=MONTHLY;BYMONTHDAY=14", 14, 4 },
        { "FREQ=MONTHLY;BYMONTHDAY=1", 1, 4 },
        { "FREQ=MONTHLY;BYMONTHDAY=28", 28, 4 },
        { "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=9", 9, 4 },
        { "FREQ=MONTHLY;BYMONTHDAY=5;WKST=SU", 5, 4 },
    };

    [Theory]
    [MemberData(nameof(Regular))]
    public void A_regular_rule_is_stated_exactly_by_its_columns(string rule, int octoberDay, int pattern)
    {
        var first = new DateTime(2026, 10, octoberDay, 10, 0, 0);
        var schedule = Schedule.Create(first, TimeSpan.FromHours(2), rule);
        var week = WeeklyPattern.For(schedule);

        Assert.Equal((SessionPattern)pattern, week.Pattern);
        var checkedDates = 0;
        for (var date = DateOnly.FromDateTime(first).AddDays(-10); date < DateOnly.FromDateTime(first).AddDays(180); date = date.AddDays(1))
        {
            var onDay = (week.Days & WeeklyPattern.Bit(date.DayOfWeek)) != 0;
            if (week.Pattern != SessionPattern.MonthlyByDay)
            {
                Assert.Equal(schedule.HasSessionOn(date.DayOfWeek, date), onDay);
            }
            else
            {
                // Searched on `date` for each weekday (before the first session too): the columns against Ical.Net's coming year.
                Assert.True(onDay);
                Assert.All(Enum.GetValues<DayOfWeek>(), day => Assert.True(
                    schedule.HasSessionOn(day, date) == DateOnly.FromDateTime(first) < WeeklyPattern.MonthDayCutoffs(day, date)[week.MonthDay!.Value - 1],
                    $"{rule} searched for {day} on {date}"));
            }

            if (week.Pattern == SessionPattern.EveryFewWeeks)
            {
                continue; // dated searches of fortnightly rules ask Ical.Net
            }

            var sql = onDay && date >= DateOnly.FromDateTime(first) && (week.Pattern == SessionPattern.Weekly
                || week.MonthWeek == WeeklyPattern.WeekOfMonth(date) || (week.MonthWeek == -1 && WeeklyPattern.IsLastWeekOfMonth(date))
                || week.MonthDay == date.Day);
            Assert.True(schedule.HasSessionOn(date) == sql, $"{rule} on {date}: Ical.Net {schedule.HasSessionOn(date)}, columns {sql}");
            checkedDates++;
        }

        Assert.True(pattern == 2 || checkedDates > 150);
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;BYDAY=TU;COUNT=5", 13)]
    [InlineData("FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231T000000Z", 13)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=15", 14)] // first session on the 14th: off the pattern
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=29", 29)] // skips February most years
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=31", 31)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-1", 31)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1,15", 15)]
    [InlineData("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15", 15)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6", 15)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR", 13)] // Friday the 13th
    [InlineData("FREQ=WEEKLY;BYMONTHDAY=13", 13)]
    [InlineData("FREQ=YEARLY;BYMONTHDAY=13", 13)]
    [InlineData("FREQ=WEEKLY;BYDAY=TU", 14)] // first session on a Wednesday: off the pattern
    [InlineData("FREQ=MONTHLY;BYDAY=2WE", 21)] // a third Wednesday
    [InlineData("FREQ=YEARLY", 13)]
    public void Anything_else_is_irregular_with_every_day_set(string rule, int octoberDay)
    {
        var week = WeeklyPattern.For(Schedule.Create(new DateTime(2026, 10, octoberDay, 10, 0, 0), TimeSpan.FromHours(1), rule));

        Assert.Equal(SessionPattern.Irregular, week.Pattern);
        Assert.Equal(WeeklyPattern.AllDays, week.Days);
    }

    [Theory]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=14", "FREQ=MONTHLY;BYMONTHDAY=14")]
    [InlineData("freq=monthly;interval=1;bymonthday=14", "FREQ=MONTHLY;BYMONTHDAY=14")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=14;WKST=SU", "FREQ=MONTHLY;WKST=SU;BYMONTHDAY=14")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=14;WKST=MO", "FREQ=MONTHLY;BYMONTHDAY=14")] // Monday is the default
    public void Schedules_store_a_monthly_by_day_rule_as_the_migration_reads_it(string rule, string stored) =>
        Assert.Equal(stored, Schedule.Create(new DateTime(2026, 10, 14, 10, 0, 0), TimeSpan.FromHours(1), rule).Rule);

    // Whether twelve months of the nth always cover every weekday (which would let SQL match any weekday): they do not.
    [Fact]
    public void Twelve_months_of_the_nth_can_miss_a_weekday()
    {
        var misses = 0;
        for (var start = new DateOnly(2000, 1, 1); start.Year < 2400; start = start.AddMonths(1))
        {
            for (var n = 1; n <= WeeklyPattern.LastMonthDayEveryMonth; n++)
            {
                var weekdays = Enumerable.Range(0, 12).Select(m => new DateOnly(start.Year, start.Month, n).AddMonths(m).DayOfWeek).Distinct().Count();
                misses += weekdays < 7 ? 1 : 0;
            }
        }

        Assert.True(misses > 0);
        Assert.Equal(DateOnly.MinValue, WeeklyPattern.MonthDayCutoffs(DayOfWeek.Saturday, new DateOnly(2000, 8, 1))[0]);
        Assert.Equal(DayOfWeek.Saturday, new DateOnly(2000, 7, 1).DayOfWeek); // the 1st is a Saturday just before
    }

    // Every day of the month against Ical.Net, searched from dates across leap years (29 February included), with
    // the first session long before, or a few months after, the day searched from.
    [Theory]
    [InlineData(-14)]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(11)]
    public void Month_day_cutoffs_agree_with_ical_net(int firstMonthsAfter)
    {
        var froms = Enumerable.Range(0, 60).Select(i => new DateOnly(2027, 1, 1).AddDays(i * 29)).Append(new DateOnly(2028, 2, 29)).ToList();
        var compared = 0;
        var met = 0;
        foreach (var from in froms)
        {
            var month = new DateOnly(from.Year, from.Month, 1).AddMonths(firstMonthsAfter);
            for (var n = 1; n <= WeeklyPattern.LastMonthDayEveryMonth; n++)
            {
                var first = new DateTime(month.Year, month.Month, n, 18, 30, 0);
                var schedule = Schedule.Create(first, TimeSpan.FromHours(1), $"FREQ=MONTHLY;BYMONTHDAY={n}");
                Assert.Equal(SessionPattern.MonthlyByDay, WeeklyPattern.For(schedule).Pattern);
                var end = from.AddYears(1).ToDateTime(TimeOnly.MinValue);
                var weekdays = schedule.NextSessions(from.ToDateTime(TimeOnly.MinValue), 13).Where(s => s < end).Select(s => s.DayOfWeek).ToHashSet();
                foreach (var day in Enum.GetValues<DayOfWeek>())
                {
                    var columns = DateOnly.FromDateTime(first) < WeeklyPattern.MonthDayCutoffs(day, from)[n - 1];
                    Assert.True(weekdays.Contains(day) == columns, $"the {n}th from {first:yyyy-MM-dd}, {day}, searched from {from}");
                    compared++;
                    met += columns ? 1 : 0;
                }
            }
        }

        Assert.Equal(61 * 28 * 7, compared);
        Assert.InRange(met, 1, compared - 1);
    }

    [Fact]
    public void A_hub_opens_on_the_days_of_its_periods()
    {
        var week = WeeklyPattern.For(OpeningHours.Parse("Mo-Fr 09:00-17:00; Sa 10:00-13:00"));

        Assert.Equal(63, week.Days);
        Assert.Null(week.Pattern);
        Assert.Equal(0, WeeklyPattern.For((OpeningHours?)null).Days);
    }
}
