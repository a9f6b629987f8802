using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace AssetMap.Domain.Assets;

/// <summary>
/// When a social-prescribing activity meets: a first session (UK local time), its length and an RFC 5545 RRULE.
/// Ical.Net does the recurrence arithmetic; nothing here expands rules by hand.
/// </summary>
public sealed record Schedule
{
    /// <summary>The time zone every sample and imported time is in.</summary>
    public const string TimeZone = "Europe/London";

    private Schedule(DateTime firstStart, TimeSpan duration, string rule)
    {
        FirstStart = firstStart;
        Duration = duration;
        Rule = rule;
    }

    /// <summary>Local (Europe/London) start of the first session.</summary>
    public DateTime FirstStart { get; }

    /// <summary>How long each session lasts.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The RRULE value without the <c>RRULE:</c> prefix, e.g. <c>FREQ=WEEKLY;BYDAY=TU</c>.</summary>
    public string Rule { get; }

    /// <summary>Checks the parts and that Ical.Net can read the rule; throws <see cref="DomainRuleException"/>.</summary>
    public static Schedule Create(DateTime firstStart, TimeSpan duration, string rule)
    {
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(24))
        {
            throw new DomainRuleException("schedule", "A session must last between a minute and 24 hours.");
        }

        var text = rule.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..];
        }

        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(text.ToUpperInvariant());
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new DomainRuleException("schedule", $"'{rule}' is not an RRULE: {e.Message}");
        }

        if (!text.Contains("FREQ=", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainRuleException("schedule", $"'{rule}' is not an RRULE: it has no FREQ.");
        }

        return new Schedule(DateTime.SpecifyKind(firstStart, DateTimeKind.Unspecified), duration, pattern.ToString() ?? text.ToUpperInvariant());
    }

    /// <summary>True when a session starts on <paramref name="date"/> (local date).</summary>
    public bool HasSessionOn(DateOnly date) =>
        NextSessions(date.ToDateTime(TimeOnly.MinValue), 1) is [var next] && DateOnly.FromDateTime(next) == date;

    /// <summary>True when sessions fall on <paramref name="day"/> within the coming year.</summary>
    public bool HasSessionOn(DayOfWeek day, DateOnly from) =>
        Sessions(from.ToDateTime(TimeOnly.MinValue)).TakeWhile(s => s < from.AddYears(1).ToDateTime(TimeOnly.MinValue)).Any(s => s.DayOfWeek == day);

    /// <summary>The next <paramref name="count"/> session starts (local time) at or after <paramref name="fromLocal"/>.</summary>
    public IReadOnlyList<DateTime> NextSessions(DateTime fromLocal, int count) => [.. Sessions(fromLocal).Take(count)];

    // Lazily expanded by Ical.Net: callers take what they need.
    private IEnumerable<DateTime> Sessions(DateTime fromLocal)
    {
        var calendarEvent = new CalendarEvent { Start = new CalDateTime(FirstStart, TimeZone), RecurrenceRule = new RecurrencePattern(Rule) };
        var calendar = new Calendar();
        calendar.Events.Add(calendarEvent);
        return calendarEvent.GetOccurrences(new CalDateTime(fromLocal, TimeZone)).Select(o => o.Period.StartTime.Value);
    }
}
