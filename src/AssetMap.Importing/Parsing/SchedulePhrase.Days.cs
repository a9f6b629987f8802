using System.Text.RegularExpressions;

namespace AssetMap.Import.Parsing;

/// <summary>Days: daily, weekly on some days, fortnightly on some days, or monthly on the nth weekday.</summary>
internal static partial class SchedulePhrase
{
    private const string Ordinal = "(?:1st|first|2nd|second|3rd|third|4th|fourth|last)";

    // RRULE day codes, Monday first, with every way staff spell each day.
    private static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    private static readonly string[][] DaySpellings =
    [
        ["mon", "mons", "monday", "mondays"],
        ["tue", "tues", "tuesday", "tuesdays"],
        ["wed", "weds", "wednesday", "wednesdays"],
        ["thu", "thur", "thurs", "thursday", "thursdays"],
        ["fri", "fris", "friday", "fridays"],
        ["sat", "sats", "saturday", "saturdays"],
        ["sun", "suns", "sunday", "sundays"],
    ];

    private static Parsed<Recurrence> ReadDays(string shown, string text)
    {
        if (Daily().IsMatch(text))
        {
            return Parsed.Success(new Recurrence("DAILY", 1, []));
        }

        if (Monthly().Match(text) is { Success: true } monthly)
        {
            return ReadMonthly(shown, monthly);
        }

        var (match, interval) = Fortnightly().Match(text) is { Success: true } fortnightly ? (fortnightly, 2) : (Weekly().Match(text), 1);
        var days = match.Success ? DayList(match.Groups["days"].Value) : null;
        return days is null
            ? Parsed.Fail<Recurrence>($"could not read '{shown}': {Examples}.")
            : Parsed.Success(new Recurrence("WEEKLY", interval, [.. days.Select(d => DayCodes[d])]));
    }

    private static Parsed<Recurrence> ReadMonthly(string shown, Match monthly)
    {
        var day = DayIndex(monthly.Groups["day"].Value);
        if (day is null)
        {
            return Parsed.Fail<Recurrence>($"could not read '{shown}': {Examples}.");
        }

        var ordinals = OrdinalWord().Matches(monthly.Groups["ords"].Value).Select(m => OrdinalNumber(m.Value)).Distinct().ToList();

        // "Every 2nd Wednesday" is read as the 2nd Wednesday of each month, but "every second Wednesday" is as often
        // meant fortnightly: ask rather than guess.
        if (monthly.Groups["every"].Success && !monthly.Groups["month"].Success
            && monthly.Groups["ords"].Value.Contains("second", StringComparison.Ordinal))
        {
            return Parsed.Fail<Recurrence>(
                $"'{shown}' could mean every other week or once a month: write 'every other {DaySpellings[day.Value][^2]}' or '2nd {DaySpellings[day.Value][^2]} of the month'.");
        }

        return Parsed.Success(new Recurrence("MONTHLY", 1, [.. ordinals.Select(n => $"{n}{DayCodes[day.Value]}")]));
    }

    // "Mon-Fri", "Mondays and Thursdays", "Mon & Thu", "weekdays", "Tuesday, Friday and weekends", in week order.
    private static SortedSet<int>? DayList(string text)
    {
        var days = new SortedSet<int>();
        foreach (var item in ListSeparator().Split(text.Trim()))
        {
            if (item is "weekday" or "weekdays")
            {
                days.UnionWith([0, 1, 2, 3, 4]);
            }
            else if (item is "weekend" or "weekends")
            {
                days.UnionWith([5, 6]);
            }
            else if (DayIndex(item) is { } single)
            {
                days.Add(single);
            }
            else if (DayRange().Match(item) is { Success: true } range
                && DayIndex(range.Groups["first"].Value) is { } first && DayIndex(range.Groups["last"].Value) is { } last)
            {
                // Wraps past Sunday, so "Fri-Mon" is Friday to Monday.
                var count = ((last - first + 7) % 7) + 1;
                for (var i = 0; i < count; i++)
                {
                    days.Add((first + i) % 7);
                }
            }
            else
            {
                return null;
            }
        }

        return days.Count == 0 ? null : days;
    }

    private static int? DayIndex(string word)
    {
        var index = Array.FindIndex(DaySpellings, spellings => spellings.Contains(word));
        return index < 0 ? null : index;
    }

    private static int OrdinalNumber(string word) => word switch
    {
        "1st" or "first" => 1,
        "2nd" or "second" => 2,
        "3rd" or "third" => 3,
        "4th" or "fourth" => 4,
        _ => -1, // last
    };

    /// <summary>The parts of an RRULE; <see cref="Rule"/> writes them in the order Ical.Net prints them.</summary>
    private sealed record Recurrence(string Frequency, int Interval, IReadOnlyList<string> ByDay)
    {
        public string Rule(bool withInterval)
        {
            var rule = $"FREQ={Frequency}";
            if (withInterval && Interval > 1)
            {
                rule += $";INTERVAL={Interval}";
            }

            return ByDay.Count == 0 ? rule : $"{rule};BYDAY={string.Join(',', ByDay)}";
        }
    }

    [GeneratedRegex(@"^(?:daily|every ?day|each day|7 days(?: a week)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Daily();

    // "2nd Wednesday of the month", "every first Monday", "the 1st and 3rd Tuesday of each month", "last Friday monthly".
    [GeneratedRegex(
        @"^(?:monthly(?:\s+on)?\s+|(?<every>every|each)\s+|on\s+)?(?:the\s+)?(?<ords>" + Ordinal + @"(?:\s*(?:,|and|&)\s*(?:the\s+)?" + Ordinal + @")*)\s+(?<day>[a-z]+)(?<month>\s+(?:of|in)\s+(?:the|each|every)\s+month|\s+(?:of\s+)?(?:each|every)\s+month|\s+monthly)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Monthly();

    // "every other Tuesday", "alternate Thursdays", "fortnightly on Tuesdays", "Tuesdays fortnightly".
    [GeneratedRegex(
        @"^(?:(?:every\s+other|every\s+alternate|alternate|fortnightly(?:\s+on)?|every\s+(?:two|2)\s+weeks(?:\s+on)?|every\s+fortnight(?:\s+on)?)\s+(?<days>.+)|(?:on\s+)?(?<days>.+?),?\s+(?:fortnightly|every\s+other\s+week|every\s+(?:two|2)\s+weeks|every\s+fortnight))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Fortnightly();

    // "Tuesdays", "every Tuesday", "on Mon & Thu", "weekly on Fridays", "Mondays each week".
    [GeneratedRegex(
        @"^(?:weekly(?:\s+on)?\s+|(?:every|each|on)\s+)?(?<days>.+?)(?:,?\s+(?:weekly|each\s+week|every\s+week))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Weekly();

    [GeneratedRegex(@"(?:\s*(?:,|&|\+|/|\band\b)\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^(?<first>[a-z]+)\s*(?:-|to|till|until|through|thru)\s*(?<last>[a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DayRange();

    [GeneratedRegex(Ordinal, RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalWord();
}
