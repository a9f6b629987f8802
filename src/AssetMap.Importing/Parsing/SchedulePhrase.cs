using System.Text.RegularExpressions;
using AssetMap.Domain;
using AssetMap.Domain.Assets;

namespace AssetMap.Import.Parsing;

/// <summary>
/// Turns what CVS staff write ("Tuesdays 10:00-12:00", "2nd Wednesday of the month 2pm-4pm", "Mon-Fri 9-5") into a
/// <see cref="Schedule"/>. A phrase is split into days (<c>SchedulePhrase.Days.cs</c>) and a time range
/// (<c>SchedulePhrase.Times.cs</c>); anything that does not read cleanly fails with a reason, never a guess.
/// Ical.Net (through <see cref="Schedule"/>) does every bit of recurrence arithmetic.
/// </summary>
internal static partial class SchedulePhrase
{
    private const string Examples = "write it like 'Tuesdays 10:00-12:00', 'Every 2nd Wednesday 2pm-4pm' or 'Mon-Fri 9-5'";

    /// <summary>
    /// Reads <paramref name="phrase"/>; the first session is the first matching day on or after <paramref name="from"/>.
    /// Blank is a success with no schedule. The RRULE built is <see cref="Schedule.Rule"/>.
    /// </summary>
    public static Parsed<Schedule?> Parse(string? phrase, DateOnly from)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return Parsed.Success<Schedule?>(null);
        }

        var shown = phrase.Trim();
        var text = Normalise(shown);
        if (NotRegular().IsMatch(text))
        {
            return Fail($"'{shown}' is not a regular time: leave the schedule blank and put it in the description.");
        }

        var range = TimeRange().Match(text);
        if (!range.Success)
        {
            return Fail(WhyNoTimeRange(shown, text));
        }

        var daysText = TrailingFiller().Replace(text[..range.Index], "");
        if (TimeRangeAnywhere().IsMatch(daysText))
        {
            return Fail($"'{shown}' has more than one time: give one regular time per schedule and put the rest in the description.");
        }

        var times = ReadTimes(shown, range.Groups["start"].Value, range.Groups["end"].Value);
        if (!times.Ok)
        {
            return Fail(times.Reason!);
        }

        var days = ReadDays(shown, daysText);
        if (!days.Ok)
        {
            return Fail(days.Reason!);
        }

        var (start, duration) = times.Value;
        return Build(days.Value!, start, duration, from);
    }

    private static Parsed<Schedule?> Build(Recurrence days, TimeOnly start, TimeSpan duration, DateOnly from)
    {
        try
        {
            // The first session is the first day on or after `from` that the rule (without INTERVAL) produces: a
            // provisional schedule starting the day before lets Ical.Net find it. Starting the real schedule on that
            // day makes "every other Tuesday" count its fortnights from there.
            var probe = Schedule.Create(from.AddDays(-1).ToDateTime(start), duration, days.Rule(withInterval: false));
            var first = probe.NextSessions(from.ToDateTime(TimeOnly.MinValue), 1)[0];
            return Parsed.Success<Schedule?>(Schedule.Create(first, duration, days.Rule(withInterval: true)));
        }
        catch (DomainRuleException e)
        {
            return Fail(e.Message);
        }
    }

    // Why there is no "start-end" at the end: no time at all, a start with no end, or not a schedule we can read.
    private static string WhyNoTimeRange(string shown, string text)
    {
        var single = SingleTime().Match(text);
        if (single.Success && ReadDays(shown, TrailingFiller().Replace(text[..single.Index], "")).Ok)
        {
            return $"'{shown}' has a start time but no end time: add when it finishes, e.g. 'Tuesdays 10:00-12:00'.";
        }

        return ReadDays(shown, text).Ok
            ? $"'{shown}' has no time: add the time, e.g. 'Tuesdays 10:00-12:00'."
            : $"could not read '{shown}': {Examples}.";
    }

    private static Parsed<Schedule?> Fail(string reason) => Parsed.Fail<Schedule?>(reason);

    // Lower case, one kind of dash, "a.m." as "am", "12 noon" as "noon", single spaces, no final full stop.
    private static string Normalise(string phrase)
    {
        var text = phrase.ToLowerInvariant()
            .Replace('–', '-').Replace('—', '-').Replace('‒', '-').Replace('−', '-')
            .Replace("a.m.", "am", StringComparison.Ordinal).Replace("p.m.", "pm", StringComparison.Ordinal)
            .Replace(",", ", ", StringComparison.Ordinal);
        text = TwelveNoon().Replace(text, "noon");
        return Spaces().Replace(text, " ").Trim().TrimEnd('.').Trim();
    }

    private const string Time = @"(?:noon|midday|\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)?)";

    // "10-12", "10am to 12pm", "from 10:00 until 12:00", "between 10 and 12" at the end of the phrase.
    [GeneratedRegex(
        @"(?<=^|\s)(?:(?:from|at)\s+)?(?:between\s+(?<start>" + Time + @")\s+and\s+(?<end>" + Time + @")|(?<start>" + Time + @")\s*(?:-|to|till|until)\s*(?<end>" + Time + @"))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"(?<=^|\s)" + Time + @"\s*(?:-|to|till|until)\s*" + Time + @"(?=$|\s|,)", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRangeAnywhere();

    [GeneratedRegex(@"(?<=^|\s)(?:(?:from|at)\s+)?" + Time + "$", RegexOptions.CultureInvariant)]
    private static partial Regex SingleTime();

    // Words between the days and the time: "Tuesdays, 10-12", "Tuesdays from 10", "Mondays at 2pm".
    [GeneratedRegex(@"(?:[\s,:;]|\b(?:from|at|between)\b)*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingFiller();

    // Phrases that say there is no regular time to read.
    [GeneratedRegex(@"\b(?:appointments?|ring|call|phone|contact|enquire|ask|request|vary|varies|various|varied|tbc|tba|ad hoc|see)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotRegular();

    [GeneratedRegex(@"\b12\s?(?:noon|midday)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TwelveNoon();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
