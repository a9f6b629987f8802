using AssetMap.Domain.Assets;

namespace AssetMap.Domain.Tests;

/// <summary>
/// The columns search filters <c>openOn</c> with must say exactly what Ical.Net says: for every regular rule and every
/// date over half a year, the SQL test (weekday bit, first session, week of the month) agrees with
/// <see cref="Schedule.HasSessionOn(DateOnly)"/> and <see cref="Schedule.HasSessionOn(DayOfWeek, DateOnly)"/>.
/// A monthly-by-day rule meets on a weekday when its first session starts before its day's
/// <see cref="WeeklyPattern.MonthDayCutoffs"/>. A rule every few weeks meets on a date whose
/// <see cref="WeeklyPattern.WeekIndex"/> has the first session's remainder.
/// </summary>
public sealed class WeeklyPatternTests
{
    public static TheoryData<string, int, int> Regular => new()
    {
        { "FREQ=WEEKLY;BYDAY=TU", 13, 1 },
        { "FREQ=WEEKLY;BYDAY=TU,FR", 13, 1 },
        { "FREQ=WEEKLY;BYDAY=MO,TH", 12, 1 },
        { "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", 14, 2 },
        { "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR", 16, 2 }, // first on the Friday: that week's Tuesday is before it
        { "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", 15, 2 },
        { "FREQ=WEEKLY;INTERVAL=4;BYDAY=SA", 17, 2 },
        { "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO", 18, 2 }, // Sunday ends the Monday-based week: the next day is off
        { "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=MO", 18, 2 },
        { "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO,WE,FR", 21, 2 },
        { "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU;WKST=SU", 13, 2 }, // one day: every 21 days whatever the week start
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

            var sql = DatedColumns(week, DateOnly.FromDateTime(first), date);
            Assert.True(schedule.HasSessionOn(date) == sql, $"{rule} on {date}: Ical.Net {schedule.HasSessionOn(date)}, columns {sql}");
            checkedDates++;
        }

        Assert.True(checkedDates > 150);
    }

    // Every interval, every pair of days and first sessions across a fortnight, with week starts Monday (default),
    // Sunday and Wednesday: where the columns state the rule they agree with Ical.Net's dates over half a year (and
    // ten days before the first session); a week start other than Monday with several days is left to Ical.Net.
    [Theory]
    [InlineData(null)]
    [InlineData("SU")]
    [InlineData("WE")]
    public void Every_few_weeks_rules_are_stated_exactly_by_their_columns(string? weekStart)
    {
        string[] codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
        var compared = 0;
        var sessions = 0;
        var irregular = 0;
        for (var interval = 2; interval <= 4; interval++)
        {
            for (var first = new DateOnly(2026, 10, 5); first < new DateOnly(2026, 10, 19); first = first.AddDays(1))
            {
                var firstCode = codes[((int)first.DayOfWeek + 6) % 7];
                foreach (var other in codes)
                {
                    var days = other == firstCode ? firstCode : $"{firstCode},{other}";
                    var rule = $"FREQ=WEEKLY;INTERVAL={interval};BYDAY={days}" + (weekStart is null ? "" : $";WKST={weekStart}");
                    var schedule = Schedule.Create(first.ToDateTime(new TimeOnly(18, 30)), TimeSpan.FromHours(1), rule);
                    var week = WeeklyPattern.For(schedule);
                    if (weekStart is not null && other != firstCode)
                    {
                        Assert.Equal((SessionPattern.Irregular, WeeklyPattern.AllDays), (week.Pattern!.Value, week.Days));
                        irregular++;
                        continue;
                    }

                    Assert.Equal((SessionPattern.EveryFewWeeks, interval), (week.Pattern!.Value, week.EveryWeeks!.Value));
                    var from = first.AddDays(-10);
                    var end = first.AddDays(180);
                    var dates = schedule.NextSessions(from.ToDateTime(TimeOnly.MinValue), 200).Select(DateOnly.FromDateTime).Where(d => d < end).ToHashSet();
                    for (var date = from; date < end; date = date.AddDays(1))
                    {
                        Assert.True(dates.Contains(date) == DatedColumns(week, first, date), $"{rule} from {first} on {date}");
                        compared++;
                    }

                    sessions += dates.Count;
                }
            }
        }

        Assert.Equal(3 * 14 * (weekStart is null ? 7 : 1) * 190, compared);
        Assert.InRange(sessions, 1, compared - 1);
        Assert.Equal(weekStart is null ? 0 : 3 * 14 * 6, irregular);
    }

    // Why several days with another week start stay irregular: Sunday-based weeks pair a Sunday with the days after
    // it, so Monday-based phases would put the wrong Mondays in session.
    [Fact]
    public void A_sunday_week_start_with_several_days_would_move_the_sessions()
    {
        var first = new DateTime(2026, 10, 18, 10, 0, 0); // a Sunday
        var monday = Schedule.Create(first, TimeSpan.FromHours(1), "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO");
        var sunday = Schedule.Create(first, TimeSpan.FromHours(1), "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=SU");

        Assert.False(monday.HasSessionOn(new DateOnly(2026, 10, 19)));
        Assert.True(sunday.HasSessionOn(new DateOnly(2026, 10, 19)));
        Assert.Equal(SessionPattern.Irregular, WeeklyPattern.For(sunday).Pattern);
    }

    // The SQL filter of a dated search: weekday bit, first session on or before, and the pattern's own test.
    private static bool DatedColumns(WeeklyPattern week, DateOnly first, DateOnly date) =>
        (week.Days & WeeklyPattern.Bit(date.DayOfWeek)) != 0 && date >= first && (week.Pattern == SessionPattern.Weekly
            || week.MonthWeek == WeeklyPattern.WeekOfMonth(date) || (week.MonthWeek == -1 && WeeklyPattern.IsLastWeekOfMonth(date))
            || week.MonthDay == date.Day
            || (week.Pattern == SessionPattern.EveryFewWeeks && WeeklyPattern.WeekIndex(date) % week.EveryWeeks!.Value == week.WeekPhase));

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
    [InlineData("FREQ=WEEKLY;INTERVAL=5;BYDAY=TU", 13)]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;WKST=SU", 13)] // several days, weeks from Sunday
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=6", 13)]
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
    [InlineData("FREQ=WEEKLY;BYDAY=TU,FR;INTERVAL=2", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR")]
    [InlineData("freq=weekly;interval=3;byday=tu;wkst=su", "FREQ=WEEKLY;INTERVAL=3;WKST=SU;BYDAY=TU")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;WKST=MO", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR")]
    public void Schedules_store_rules_as_the_migrations_read_them(string rule, string stored) =>
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
