using AssetMap.Import.Parsing;

namespace AssetMap.Import.Tests.Parsing;

/// <summary>The am/pm rule documented on SchedulePhrase.Times.cs, case by case.</summary>
public sealed class SchedulePhraseTimeTests
{
    private static readonly DateOnly From = new(2026, 3, 4);

    [Theory]
    [InlineData("Tuesdays 9-5", "09:00", "17:00")]
    [InlineData("Tuesdays 10-2", "10:00", "14:00")]
    [InlineData("Tuesdays 10-12", "10:00", "12:00")]
    [InlineData("Tuesdays 10-10", "10:00", "22:00")]
    [InlineData("Tuesdays 12-2", "12:00", "14:00")]
    [InlineData("Tuesdays 8-10", "08:00", "10:00")]
    [InlineData("Tuesdays 1-3pm", "13:00", "15:00")]
    [InlineData("Tuesdays 7-9pm", "19:00", "21:00")]
    [InlineData("Tuesdays 11-1pm", "11:00", "13:00")]
    [InlineData("Tuesdays 10-11am", "10:00", "11:00")]
    [InlineData("Tuesdays 2pm-4", "14:00", "16:00")]
    [InlineData("Tuesdays 10am-2", "10:00", "14:00")]
    [InlineData("Tuesdays 10:30am-12", "10:30", "12:00")]
    [InlineData("Tuesdays 07:00-09:00", "07:00", "09:00")]
    [InlineData("Tuesdays 13:00-15:30", "13:00", "15:30")]
    [InlineData("Tuesdays 13:00-4", "13:00", "16:00")]
    [InlineData("Tuesdays noon-2pm", "12:00", "14:00")]
    [InlineData("Tuesdays midday-1.30pm", "12:00", "13:30")]
    [InlineData("Tuesdays 12am-2am", "00:00", "02:00")]
    public void Times_follow_the_documented_am_pm_rule(string phrase, string start, string end)
    {
        var parsed = SchedulePhrase.Parse(phrase, From);

        Assert.True(parsed.Ok, parsed.Reason);
        var startTime = TimeOnly.FromDateTime(parsed.Value!.FirstStart);
        Assert.Equal(start, startTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(end, startTime.Add(parsed.Value.Duration).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Tuesdays 1-3")]
    [InlineData("Tuesdays 7-9")]
    [InlineData("Tuesdays 5:30-7")]
    public void A_bare_start_hour_of_1_to_7_is_refused_as_ambiguous(string phrase)
    {
        var parsed = SchedulePhrase.Parse(phrase, From);

        Assert.False(parsed.Ok);
        Assert.Contains("is that morning or afternoon? Add am or pm (e.g. '1pm-3pm') or use the 24-hour clock", parsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tuesdays 2pm-1pm", "'Tuesdays 2pm-1pm' ends (13:00) before it starts (14:00)")]
    [InlineData("Tuesdays 14:00-12:00", "ends (12:00) before it starts (14:00)")]
    [InlineData("Tuesdays 09:00-05:00", "ends (05:00) before it starts (09:00)")]
    [InlineData("Tuesdays 10pm-2am", "ends (02:00) before it starts (22:00)")]
    [InlineData("Tuesdays 10am-10am", "'Tuesdays 10am-10am' ends when it starts (10:00)")]
    [InlineData("Tuesdays 10:00-09:59", "ends (09:59) before it starts (10:00)")]
    [InlineData("Tuesdays 1pm-12", "ends (12:00) before it starts (13:00)")]
    [InlineData("Tuesdays 13pm-2pm", "has '13pm', which is not a time of day")]
    [InlineData("Tuesdays 10:75-12", "has '10:75', which is not a time of day")]
    [InlineData("Tuesdays 10-25", "has '25', which is not a time of day")]
    public void Impossible_time_ranges_are_refused(string phrase, string reason)
    {
        var parsed = SchedulePhrase.Parse(phrase, From);

        Assert.False(parsed.Ok);
        Assert.Contains(reason, parsed.Reason, StringComparison.Ordinal);
    }
}
