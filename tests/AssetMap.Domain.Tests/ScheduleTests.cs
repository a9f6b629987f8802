using AssetMap.Domain.Assets;

namespace AssetMap.Domain.Tests;

public sealed class ScheduleTests
{
    private static readonly DateTime FirstTuesday = new(2026, 10, 13, 10, 0, 0);

    [Fact]
    public void Weekly_rule_gives_the_next_sessions_on_that_weekday()
    {
        var schedule = Schedule.Create(FirstTuesday, TimeSpan.FromHours(1), "FREQ=WEEKLY;BYDAY=TU");

        var next = schedule.NextSessions(new DateTime(2026, 11, 22), 3);

        Assert.Equal([new(2026, 11, 24, 10, 0, 0), new(2026, 12, 1, 10, 0, 0), new(2026, 12, 8, 10, 0, 0)], next);
    }

    [Fact]
    public void Monthly_second_wednesday_rule_skips_other_weeks()
    {
        var schedule = Schedule.Create(new DateTime(2026, 10, 14, 14, 0, 0), TimeSpan.FromHours(2), "RRULE:FREQ=MONTHLY;BYDAY=2WE");

        var next = schedule.NextSessions(new DateTime(2026, 10, 15), 2);

        Assert.Equal([new(2026, 11, 11, 14, 0, 0), new(2026, 12, 9, 14, 0, 0)], next);
        Assert.Equal("FREQ=MONTHLY;BYDAY=2WE", schedule.Rule);
    }

    [Fact]
    public void Local_time_stays_the_same_across_the_clock_change()
    {
        // UK clocks go back on 25 October 2026: a 10:00 class is still at 10:00 local time afterwards.
        var schedule = Schedule.Create(new DateTime(2026, 10, 19, 10, 0, 0), TimeSpan.FromHours(1), "FREQ=WEEKLY;BYDAY=MO");

        var next = schedule.NextSessions(new DateTime(2026, 10, 19), 2);

        Assert.Equal([new(2026, 10, 19, 10, 0, 0), new(2026, 10, 26, 10, 0, 0)], next);
    }

    [Theory]
    [InlineData("every tuesday")]
    [InlineData("BYDAY=TU")]
    public void Rejects_text_that_is_not_an_rrule(string rule) =>
        Assert.Equal("schedule", Assert.Throws<DomainRuleException>(() => Schedule.Create(FirstTuesday, TimeSpan.FromHours(1), rule)).Field);

    [Fact]
    public void Rejects_a_session_with_no_length() =>
        Assert.Throws<DomainRuleException>(() => Schedule.Create(FirstTuesday, TimeSpan.Zero, "FREQ=WEEKLY"));
}
