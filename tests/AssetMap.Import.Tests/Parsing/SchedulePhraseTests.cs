using System.Globalization;
using AssetMap.Import.Parsing;

namespace AssetMap.Import.Tests.Parsing;

public sealed class SchedulePhraseTests
{
    // A Wednesday; UK clocks go forward on 29 March 2026, which must not move local session times.
    private static readonly DateOnly From = new(2026, 3, 4);

    [Theory]
    [InlineData("Tuesdays 10:00-12:00")]
    [InlineData("Tuesday 10am-12pm")]
    [InlineData("Every Tuesday 10:00 - 12:00")]
    [InlineData("Tues 10-12")]
    [InlineData("tue 10.00–12.00")]
    [InlineData("Tuesdays, 10am to 12 noon")]
    [InlineData("Tuesdays from 10 until midday")]
    [InlineData("On Tuesdays between 10 and 12")]
    [InlineData("Tuesdays 10 a.m. - 12 p.m.")]
    [InlineData("Tuesdays weekly 10—12")]
    public void Weekly_phrases_become_a_weekly_rule(string phrase) =>
        AssertSchedule(phrase, "FREQ=WEEKLY;BYDAY=TU", "10:00", 120, "2026-03-10 10:00", "2026-03-17 10:00", "2026-03-24 10:00");

    [Theory]
    [InlineData("Mondays and Thursdays 9.30-11.30")]
    [InlineData("Mon & Thu 9:30am-11:30am")]
    [InlineData("Monday, Thursday 9:30-11:30")]
    [InlineData("Thurs and Mon 9.30 - 11.30")]
    public void Several_days_become_one_weekly_rule_in_week_order(string phrase) =>
        AssertSchedule(phrase, "FREQ=WEEKLY;BYDAY=MO,TH", "09:30", 120, "2026-03-05 09:30", "2026-03-09 09:30", "2026-03-12 09:30");

    [Theory]
    [InlineData("Mon-Fri 9-5")]
    [InlineData("Monday to Friday 9am-5pm")]
    [InlineData("Weekdays 9-5")]
    [InlineData("every weekday 09:00-17:00")]
    public void Working_weeks_are_monday_to_friday(string phrase) =>
        AssertSchedule(phrase, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "09:00", 480, "2026-03-04 09:00", "2026-03-05 09:00", "2026-03-06 09:00");

    [Theory]
    [InlineData("Weekends 10-4")]
    [InlineData("Sat & Sun 10am-4pm")]
    [InlineData("Saturdays and Sundays 10:00-16:00")]
    public void Weekends_are_saturday_and_sunday(string phrase) =>
        AssertSchedule(phrase, "FREQ=WEEKLY;BYDAY=SA,SU", "10:00", 360, "2026-03-07 10:00", "2026-03-08 10:00", "2026-03-14 10:00");

    [Fact]
    public void Day_ranges_can_wrap_past_sunday() =>
        AssertSchedule("Fri-Mon 10-12", "FREQ=WEEKLY;BYDAY=MO,FR,SA,SU", "10:00", 120, "2026-03-06 10:00", "2026-03-07 10:00", "2026-03-08 10:00");

    [Theory]
    [InlineData("Daily 9-5", "09:00", 480)]
    [InlineData("Every day 08:00-10:00", "08:00", 120)]
    [InlineData("everyday 8am-10am", "08:00", 120)]
    public void Daily_phrases_become_a_daily_rule(string phrase, string start, int minutes) =>
        AssertSchedule(phrase, "FREQ=DAILY", start, minutes, $"2026-03-04 {start}", $"2026-03-05 {start}", $"2026-03-06 {start}");

    [Theory]
    [InlineData("Every 2nd Wednesday 2pm–4pm")]
    [InlineData("2nd Wednesday of the month 14:00-16:00")]
    [InlineData("Second Wednesday of each month 2-4pm")]
    [InlineData("the 2nd Wed monthly 2pm-4pm")]
    [InlineData("Every second Wednesday of the month 2pm-4pm")]
    public void Nth_weekday_phrases_become_a_monthly_rule(string phrase) =>
        AssertSchedule(phrase, "FREQ=MONTHLY;BYDAY=2WE", "14:00", 120, "2026-03-11 14:00", "2026-04-08 14:00", "2026-05-13 14:00");

    [Fact]
    public void First_monday_that_has_passed_this_month_starts_next_month() =>
        AssertSchedule("First Monday of each month 10am-12", "FREQ=MONTHLY;BYDAY=1MO", "10:00", 120, "2026-04-06 10:00", "2026-05-04 10:00", "2026-06-01 10:00");

    [Fact]
    public void Last_weekday_of_the_month_counts_from_the_end() =>
        AssertSchedule("Last Friday of the month 1-3pm", "FREQ=MONTHLY;BYDAY=-1FR", "13:00", 120, "2026-03-27 13:00", "2026-04-24 13:00", "2026-05-29 13:00");

    [Fact]
    public void Several_ordinals_share_one_monthly_rule() =>
        AssertSchedule("1st and 3rd Thursday of the month 7pm-9pm", "FREQ=MONTHLY;BYDAY=1TH,3TH", "19:00", 120, "2026-03-05 19:00", "2026-03-19 19:00", "2026-04-02 19:00");

    [Theory]
    [InlineData("Every other Tuesday 10-12")]
    [InlineData("Fortnightly on Tuesdays 10:00-12:00")]
    [InlineData("Tuesdays fortnightly 10am-12pm")]
    [InlineData("Alternate Tuesdays 10-12")]
    public void Fortnightly_phrases_count_fortnights_from_the_first_session(string phrase) =>
        AssertSchedule(phrase, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "10:00", 120, "2026-03-10 10:00", "2026-03-24 10:00", "2026-04-07 10:00");

    [Fact]
    public void Alternate_thursday_afternoons_are_fortnightly() =>
        AssertSchedule("Alternate Thursdays 1pm-3pm", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "13:00", 120, "2026-03-05 13:00", "2026-03-19 13:00", "2026-04-02 13:00");

    [Fact]
    public void A_session_on_the_from_date_is_the_first_session() =>
        AssertSchedule("Wednesdays 18:30-20:00", "FREQ=WEEKLY;BYDAY=WE", "18:30", 90, "2026-03-04 18:30", "2026-03-11 18:30", "2026-03-18 18:30");

    [Fact]
    public void Blank_phrase_is_no_schedule() => Assert.Equal(Parsed.Success<AssetMap.Domain.Assets.Schedule?>(null), SchedulePhrase.Parse("  ", From));

    private static void AssertSchedule(string phrase, string rule, string start, int minutes, params string[] firstSessions)
    {
        var parsed = SchedulePhrase.Parse(phrase, From);

        Assert.True(parsed.Ok, parsed.Reason);
        var schedule = parsed.Value!;
        Assert.Equal(rule, schedule.Rule);
        Assert.Equal(TimeOnly.ParseExact(start, "HH:mm", CultureInfo.InvariantCulture), TimeOnly.FromDateTime(schedule.FirstStart));
        Assert.Equal(TimeSpan.FromMinutes(minutes), schedule.Duration);
        Assert.Equal(Local(firstSessions[0]), schedule.FirstStart);
        Assert.Equal(
            firstSessions.Select(Local),
            schedule.NextSessions(From.ToDateTime(TimeOnly.MinValue), firstSessions.Length));
    }

    private static DateTime Local(string text) => DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
