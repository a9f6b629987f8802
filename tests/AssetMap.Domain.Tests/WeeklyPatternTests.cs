using AssetMap.Domain.Assets;

namespace AssetMap.Domain.Tests;

/// <summary>
/// The columns search filters <c>openOn</c> with must say exactly what Ical.Net says: for every regular rule and every
/// date over half a year, the SQL test (weekday bit, first session, week of the month) agrees with
/// <see cref="Schedule.HasSessionOn(DateOnly)"/> and <see cref="Schedule.HasSessionOn(DayOfWeek, DateOnly)"/>.
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
            Assert.Equal(schedule.HasSessionOn(date.DayOfWeek, date), onDay);
            if (week.Pattern == SessionPattern.EveryFewWeeks)
            {
                continue; // dated searches of fortnightly rules ask Ical.Net
            }

            var sql = onDay && date >= DateOnly.FromDateTime(first) && (week.Pattern == SessionPattern.Weekly
                || week.MonthWeek == WeeklyPattern.WeekOfMonth(date) || (week.MonthWeek == -1 && WeeklyPattern.IsLastWeekOfMonth(date)));
            Assert.True(schedule.HasSessionOn(date) == sql, $"{rule} on {date}: Ical.Net {schedule.HasSessionOn(date)}, columns {sql}");
            checkedDates++;
        }

        Assert.True(pattern == 2 || checkedDates > 150);
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;BYDAY=TU;COUNT=5", 13)]
    [InlineData("FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231T000000Z", 13)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=15", 15)]
    [InlineData("FREQ=WEEKLY;BYDAY=TU", 14)] // first session on a Wednesday: off the pattern
    [InlineData("FREQ=MONTHLY;BYDAY=2WE", 21)] // a third Wednesday
    [InlineData("FREQ=YEARLY", 13)]
    public void Anything_else_is_irregular_with_every_day_set(string rule, int octoberDay)
    {
        var week = WeeklyPattern.For(Schedule.Create(new DateTime(2026, 10, octoberDay, 10, 0, 0), TimeSpan.FromHours(1), rule));

        Assert.Equal(SessionPattern.Irregular, week.Pattern);
        Assert.Equal(WeeklyPattern.AllDays, week.Days);
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
