using System.Globalization;

namespace AssetMap.Domain.Assets;

/// <summary>How regular an activity's sessions are, as far as a search in SQL can rely on it.</summary>
public enum SessionPattern
{
    /// <summary>A rule SQL cannot answer for: search asks Ical.Net.</summary>
    Irregular = 0,

    /// <summary>Every week (or every day) on <see cref="Asset.OpenDays"/>, from the first session, without end.</summary>
    Weekly = 1,

    /// <summary>
    /// Every <see cref="Asset.SessionEveryWeeks"/> (2–4) weeks on <see cref="Asset.OpenDays"/>, without end: a date is
    /// in session when its week (<see cref="WeeklyPattern.WeekIndex"/>) is <see cref="Asset.SessionWeekPhase"/> modulo
    /// the interval, as the first session's week is.
    /// </summary>
    EveryFewWeeks = 2,

    /// <summary>Every month on the nth (or last) <see cref="Asset.OpenDays"/> weekday, without end.</summary>
    MonthlyByWeekday = 3,

    /// <summary>
    /// Every month on day <see cref="Asset.SessionMonthDay"/> (1–28, so every month has it), without end. Every weekday
    /// is set: which weekdays the coming year's sessions fall on depends on the day searched from
    /// (<see cref="WeeklyPattern.MonthDayCutoffs"/>).
    /// </summary>
    MonthlyByDay = 4,
}

/// <summary>
/// An asset's week, materialised so search can filter opening days in SQL (issue 11): the days as a bitmask
/// (Monday = 1 … Sunday = 64) and, for an activity, how its RRULE repeats. Set by the entity whenever its opening
/// hours or schedule change, so EF and the importer's COPY both store it. Anything the columns cannot state exactly
/// is <see cref="SessionPattern.Irregular"/>, and search falls back to evaluating the rule.
/// </summary>
/// <param name="Days">Weekday bitmask; every day (127) for an irregular rule, so the mask is never too narrow.</param>
/// <param name="Pattern">How the sessions repeat; null for kinds without sessions (kept out of the activity indexes).</param>
/// <param name="MonthWeek">For <see cref="SessionPattern.MonthlyByWeekday"/>: 1–4, or -1 for the last.</param>
/// <param name="MonthDay">For <see cref="SessionPattern.MonthlyByDay"/>: the day of the month, 1–28.</param>
/// <param name="EveryWeeks">For <see cref="SessionPattern.EveryFewWeeks"/>: the interval in weeks, 2–4.</param>
/// <param name="WeekPhase">
/// For <see cref="SessionPattern.EveryFewWeeks"/>: the first session's <see cref="WeekIndex"/> modulo
/// <paramref name="EveryWeeks"/>; the weeks in session are those with the same remainder.
/// </param>
public sealed record WeeklyPattern(int Days, SessionPattern? Pattern, int? MonthWeek, int? MonthDay, int? EveryWeeks = null, int? WeekPhase = null)
{
    /// <summary>The last day of the month every month has: later days skip some months, which the columns cannot state.</summary>
    public const int LastMonthDayEveryMonth = 28;

    public const int AllDays = 127;

    private static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>No opening days known.</summary>
    public static WeeklyPattern None { get; } = new(0, null, null, null);

    /// <summary>The bit for <paramref name="day"/>.</summary>
    public static int Bit(DayOfWeek day) => 1 << (((int)day + 6) % 7);

    /// <summary>A hub's week: the days it has opening periods.</summary>
    public static WeeklyPattern For(OpeningHours? hours) =>
        hours is null ? None : new(hours.Periods.Aggregate(0, (mask, p) => mask | Bit(p.Day)), null, null, null);

    /// <summary>An activity's week, read from its RRULE (canonical, as <see cref="Schedule.Create"/> stores it).</summary>
    public static WeeklyPattern For(Schedule schedule)
    {
        var irregular = new WeeklyPattern(AllDays, SessionPattern.Irregular, null, null);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in schedule.Rule.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !parts.TryAdd(pair[0].Trim(), pair[1].Trim().ToUpperInvariant()))
            {
                return irregular;
            }
        }

        // Anything beyond these (COUNT, UNTIL, BYSETPOS, BYHOUR…) ends or bends the pattern: ask Ical.Net.
        if (parts.Keys.Any(k => k.ToUpperInvariant() is not ("FREQ" or "INTERVAL" or "BYDAY" or "BYMONTHDAY" or "WKST")))
        {
            return irregular;
        }

        var interval = 1;
        if (parts.TryGetValue("INTERVAL", out var every) && !int.TryParse(every, NumberStyles.None, CultureInfo.InvariantCulture, out interval))
        {
            return irregular;
        }

        var first = schedule.FirstStart;
        parts.TryGetValue("BYDAY", out var byDay);
        if (parts.TryGetValue("BYMONTHDAY", out var byMonthDay))
        {
            // Only "the nth of every month": with a BYDAY too it would be the days that are both.
            return parts["FREQ"] == "MONTHLY" && interval == 1 && byDay is null ? MonthlyByDay(byMonthDay, first) ?? irregular : irregular;
        }

        return parts["FREQ"] switch
        {
            "DAILY" when interval == 1 && byDay is null => new(AllDays, SessionPattern.Weekly, null, null),
            "WEEKLY" when interval is >= 1 and <= 4 => Weekly(byDay, DateOnly.FromDateTime(first), interval, parts.GetValueOrDefault("WKST")) ?? irregular,
            "MONTHLY" when interval == 1 && byDay is not null => Monthly(byDay, first) ?? irregular,
            _ => irregular,
        };
    }

    private static WeeklyPattern? Weekly(string? byDay, DateOnly first, int interval, string? weekStart)
    {
        var firstBit = Bit(first.DayOfWeek);
        var mask = firstBit;
        if (byDay is not null)
        {
            mask = 0;
            foreach (var code in byDay.Split(','))
            {
                var index = Array.IndexOf(DayCodes, code.Trim());
                if (index < 0)
                {
                    return null;
                }

                mask |= 1 << index;
            }
        }

        // A first session off the pattern would be an extra date the columns cannot state.
        if ((mask & firstBit) == 0)
        {
            return null;
        }

        if (interval == 1)
        {
            return new(mask, SessionPattern.Weekly, null, null);
        }

        // Weeks are counted from Monday (WKST=MO, the default). Another week start moves the boundary between the
        // days of one interval's week and the next, which the Monday-based phase cannot state; with a single day the
        // sessions are simply every 7k days, whatever the week start.
        var singleDay = (mask & (mask - 1)) == 0;
        return weekStart is null or "MO" || singleDay
            ? new(mask, SessionPattern.EveryFewWeeks, null, null, interval, WeekIndex(first) % interval)
            : null;
    }

    private static WeeklyPattern? Monthly(string byDay, DateTime first)
    {
        if (byDay.Contains(',', StringComparison.Ordinal) || byDay.Length < 3)
        {
            return null;
        }

        var index = Array.IndexOf(DayCodes, byDay[^2..]);
        if (index < 0 || !int.TryParse(byDay[..^2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var week)
            || week is not (>= 1 and <= 4 or -1))
        {
            return null;
        }

        var date = DateOnly.FromDateTime(first);
        return Bit(date.DayOfWeek) == 1 << index && IsWeekOfMonth(date, week) ? new(1 << index, SessionPattern.MonthlyByWeekday, week, null) : null;
    }

    // A single day every month has (no -1: counting from the month's end is a day that moves), and the first session
    // on it: a first session on another day would be an extra date the columns cannot state.
    private static WeeklyPattern? MonthlyByDay(string byMonthDay, DateTime first) =>
        int.TryParse(byMonthDay, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && day is >= 1 and <= LastMonthDayEveryMonth && first.Day == day
            ? new(AllDays, SessionPattern.MonthlyByDay, null, day)
            : null;

    /// <summary>
    /// For a <see cref="SessionPattern.MonthlyByDay"/> rule on day n, <c>cutoffs[n - 1]</c>: the rule has a session on
    /// <paramref name="day"/> in the year from <paramref name="from"/> (the window of
    /// <see cref="Schedule.HasSessionOn(DayOfWeek, DateOnly)"/>) exactly when its first session's date is before it.
    /// That is the day after the window's last nth falling on <paramref name="day"/> (the rule meets then if it has
    /// started by then), or <see cref="DateOnly.MinValue"/> when no nth in the window does. Not every n has one:
    /// twelve months of the nth can miss a weekday (from 1 August 2000, the 1st is never a Saturday).
    /// </summary>
    public static DateOnly[] MonthDayCutoffs(DayOfWeek day, DateOnly from)
    {
        var cutoffs = new DateOnly[LastMonthDayEveryMonth];
        for (var date = from; date < from.AddYears(1); date = date.AddDays(1))
        {
            if (date.DayOfWeek == day && date.Day <= LastMonthDayEveryMonth)
            {
                cutoffs[date.Day - 1] = date.AddDays(1); // later dates overwrite earlier
            }
        }

        return cutoffs;
    }

    /// <summary>
    /// The Monday-based week <paramref name="date"/> falls in, counted from the week of 1 January 0001 (a Monday):
    /// never negative, so SQL's remainder agrees with .NET's.
    /// </summary>
    public static int WeekIndex(DateOnly date) => date.DayNumber / 7;

    /// <summary>Which week of its month <paramref name="date"/> falls in (1–5).</summary>
    public static int WeekOfMonth(DateOnly date) => ((date.Day - 1) / 7) + 1;

    /// <summary>True when <paramref name="date"/> is in the last seven days of its month.</summary>
    public static bool IsLastWeekOfMonth(DateOnly date) => date.Day + 7 > DateTime.DaysInMonth(date.Year, date.Month);

    private static bool IsWeekOfMonth(DateOnly date, int week) => week == -1 ? IsLastWeekOfMonth(date) : WeekOfMonth(date) == week;
}
