using System.Globalization;
using System.Text.RegularExpressions;

namespace AssetMap.Import.Parsing;

/// <summary>
/// Time ranges. The rule for times written without am/pm, kept simple so staff can predict it:
/// <list type="number">
/// <item>A start without am/pm takes the end's am/pm when that keeps it before the end ("1-3pm" is 13:00-15:00,
/// "11-1pm" is 11:00-13:00).</item>
/// <item>Otherwise a bare start is read on the 24-hour clock, and a bare start of 1 to 7 ("1-3", "7-9") is refused
/// as ambiguous: groups meet at 1pm, not 1am, but "7-9" could be a breakfast club or an evening class.
/// A zero-padded hour ("07:00") is plainly the 24-hour clock and is accepted.</item>
/// <item>An end without am/pm that would not be after the start, with an hour of 1 to 11 and no zero padding, is
/// in the afternoon: "9-5" is 09:00-17:00, "10-2" is 10:00-14:00, "2pm-4" is 14:00-16:00.</item>
/// </list>
/// After that the end must be after the start; sessions past midnight are refused.
/// </summary>
internal static partial class SchedulePhrase
{
    private const int MinutesPerHour = 60;

    private static Parsed<(TimeOnly Start, TimeSpan Duration)> ReadTimes(string shown, string startText, string endText)
    {
        var start = ReadClock(startText);
        var end = ReadClock(endText);
        if (start is null || end is null)
        {
            var bad = start is null ? startText : endText;
            return Parsed.Fail<(TimeOnly, TimeSpan)>($"'{shown}' has '{bad}', which is not a time of day: {Examples}.");
        }

        var endMinutes = end.Value.Suffix is { } endSuffix ? end.Value.Minutes(endSuffix) : end.Value.Minutes(null);
        int startMinutes;
        if (start.Value.Suffix is { } startSuffix)
        {
            startMinutes = start.Value.Minutes(startSuffix);
        }
        else if (end.Value.Suffix is { } shared && !start.Value.Fixed && start.Value.Hour is >= 1 and <= 12
            && start.Value.Minutes(shared) < endMinutes)
        {
            startMinutes = start.Value.Minutes(shared);
        }
        else if (!start.Value.Fixed && start.Value.Hour is >= 1 and <= 7)
        {
            return Parsed.Fail<(TimeOnly, TimeSpan)>(
                $"'{shown}' starts at {startText}: is that morning or afternoon? Add am or pm (e.g. '1pm-3pm') or use the 24-hour clock (e.g. '13:00-15:00').");
        }
        else
        {
            startMinutes = start.Value.Minutes(null);
        }

        if (end.Value.Suffix is null && !end.Value.Fixed && endMinutes <= startMinutes && end.Value.Hour is >= 1 and <= 11)
        {
            endMinutes += 12 * MinutesPerHour;
        }

        if (endMinutes == startMinutes)
        {
            return Parsed.Fail<(TimeOnly, TimeSpan)>($"'{shown}' ends when it starts ({Clock.Show(startMinutes)}): {Examples}.");
        }

        if (endMinutes < startMinutes)
        {
            return Parsed.Fail<(TimeOnly, TimeSpan)>(
                $"'{shown}' ends ({Clock.Show(endMinutes)}) before it starts ({Clock.Show(startMinutes)}): {Examples}.");
        }

        return Parsed.Success((new TimeOnly(startMinutes / MinutesPerHour, startMinutes % MinutesPerHour), TimeSpan.FromMinutes(endMinutes - startMinutes)));
    }

    // Null when the hour or minutes are out of range ("25:00", "13pm", "10:75").
    private static Clock? ReadClock(string text)
    {
        var match = ClockTime().Match(text);
        if (match.Groups["noon"].Success)
        {
            return new Clock(12, 0, null, Fixed: true);
        }

        var hourText = match.Groups["h"].Value;
        var hour = int.Parse(hourText, NumberStyles.None, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var suffix = match.Groups["ap"].Success ? match.Groups["ap"].Value : null;
        var valid = minute < MinutesPerHour && (suffix is null ? hour <= 23 : hour is >= 1 and <= 12);
        return valid ? new Clock(hour, minute, suffix, Fixed: hourText.StartsWith('0')) : null;
    }

    /// <summary>A time as written: <paramref name="Fixed"/> when it can only be the 24-hour clock (noon, "07:00").</summary>
    private readonly record struct Clock(int Hour, int Minute, string? Suffix, bool Fixed)
    {
        public int Minutes(string? suffix)
        {
            var hour = suffix switch
            {
                "am" => Hour % 12,
                "pm" => (Hour % 12) + 12,
                _ => Hour,
            };
            return (hour * MinutesPerHour) + Minute;
        }

        public static string Show(int minutes) =>
            new TimeOnly(minutes / MinutesPerHour % 24, minutes % MinutesPerHour).ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?:(?<noon>noon|midday)|(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s?(?<ap>am|pm)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();
}
