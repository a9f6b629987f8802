using System.Globalization;
using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.OpenReferral;

/// <summary>
/// Our times as ORUK schedules. An activity's RRULE becomes one schedule whose <c>freq</c>, <c>interval</c>,
/// <c>byday</c> and <c>bymonthday</c> are the rule's own parts (ORUK knows only WEEKLY and MONTHLY: a DAILY rule is
/// written as WEEKLY on every day), <c>dtstart</c>/<c>valid_from</c> the first session's date and
/// <c>opens_at</c>/<c>closes_at</c> its local start and end. Opening hours become one WEEKLY schedule per distinct
/// pair of times (e.g. Mo-Fr 09:00-17:00 and Sa 10:00-13:00 are two).
/// </summary>
internal static class OrukSchedules
{
    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static OrukSchedule FromRule(Guid serviceId, Schedule schedule)
    {
        var parts = schedule.Rule.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].ToUpperInvariant(), p => p[1], StringComparer.Ordinal);
        var freq = parts.GetValueOrDefault("FREQ");
        var byday = parts.GetValueOrDefault("BYDAY");
        if (freq == "DAILY")
        {
            (freq, byday) = ("WEEKLY", "MO,TU,WE,TH,FR,SA,SU");
        }

        if (freq == "WEEKLY" && byday is null)
        {
            byday = DayCodes[(int)schedule.FirstStart.DayOfWeek];
        }

        var first = DateOnly.FromDateTime(schedule.FirstStart).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var known = freq is "WEEKLY" or "MONTHLY";
        return new OrukSchedule
        {
            Id = OrukIds.Schedule(serviceId, 0),
            ServiceId = serviceId,
            ValidFrom = first,
            Dtstart = first,
            Freq = known ? freq : null,
            Interval = known && parts.TryGetValue("INTERVAL", out var interval) && int.TryParse(interval, CultureInfo.InvariantCulture, out var n) ? n : null,
            Byday = known ? byday : null,
            Bymonthday = known ? parts.GetValueOrDefault("BYMONTHDAY") : null,
            OpensAt = Time(TimeOnly.FromDateTime(schedule.FirstStart)),
            ClosesAt = Time(TimeOnly.FromDateTime(schedule.FirstStart + schedule.Duration)),
            AttendingType = "in_person",
            // The full rule, for consumers that read iCalendar (and for rules ORUK's fields cannot carry).
            Notes = $"RRULE:{schedule.Rule}",
        };
    }

    public static IEnumerable<OrukSchedule> FromOpeningHours(Guid serviceId, OpeningHours hours) =>
        hours.Periods.GroupBy(p => (p.Opens, p.Closes))
            .OrderBy(g => g.Min(p => ((int)p.Day + 6) % 7))
            .Select((times, index) => new OrukSchedule
            {
                Id = OrukIds.Schedule(serviceId, index),
                ServiceId = serviceId,
                Freq = "WEEKLY",
                Byday = string.Join(',', times.OrderBy(p => ((int)p.Day + 6) % 7).Select(p => DayCodes[(int)p.Day]).Distinct()),
                OpensAt = Time(times.Key.Opens),
                ClosesAt = Time(times.Key.Closes),
                AttendingType = "in_person",
                Description = hours.ToString(),
            });

    /// <summary>The two-letter RRULE code of a day.</summary>
    public static string Code(DayOfWeek day) => DayCodes[(int)day];

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
