using AssetMap.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.Assets;

/// <summary>
/// <c>openOn</c> / <c>openBetween</c>. The weekdays each entry opens or meets are columns the entities keep
/// (<see cref="WeeklyPattern"/>), so the day is a SQL filter: a hub opens on the day when it has opening hours that
/// day; an activity with a regular rule (weekly, every few weeks, monthly on the nth weekday or on day n, never
/// ending) meets on a weekday when the rule says so, and on a date when the date fits the rule (every few weeks: the
/// date's week has the first session's phase). Only what SQL cannot state exactly (rules with an end, a first
/// session off the pattern…; time spans) is still evaluated with Ical.Net, over the few candidates the SQL left: the
/// semantics are those of <see cref="Schedule.HasSessionOn(DayOfWeek, DateOnly)"/> and
/// <see cref="Schedule.HasSessionOn(DateOnly)"/>.
/// </summary>
internal static class AssetSearchWeek
{
    /// <summary>How far ahead a regular rule's first session may be and still meet on its weekdays within a year.</summary>
    private const int RegularHorizonDays = 300;

    public static async Task<IQueryable<Asset>> FilterAsync(
        IQueryable<Asset> query, OpenOn? openOn, OpenBetween? between, DateOnly today, CancellationToken ct)
    {
        if (openOn is not null)
        {
            var bit = WeeklyPattern.Bit(openOn.Day);
            query = query.Where(a => (a.OpenDays & bit) != 0);
        }

        if (between is not null)
        {
            // Times of day are not materialised: the day filter above narrows the candidates, Ical.Net decides.
            var ids = await CheckedIdsAsync(query, openOn, between, today, ct);
            return query.Where(a => ids.Contains(a.Id));
        }

        if (openOn is null)
        {
            return query;
        }

        // One predicate (exact pattern OR checked by Ical.Net), so the order's index still applies to the whole filter.
        if (openOn.Date is { } date)
        {
            var weekOfMonth = WeeklyPattern.WeekOfMonth(date);
            var lastWeek = WeeklyPattern.IsLastWeekOfMonth(date);
            var week = WeeklyPattern.WeekIndex(date);
            var dayAfter = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
            var dated = await CheckedIdsAsync(
                query.Where(a => a.Kind == AssetKind.Activity && a.SessionPattern == SessionPattern.Irregular), openOn, null, today, ct);
            return query.Where(a => a.Kind == AssetKind.Hub
                || (a.Kind == AssetKind.Activity && ((SocialPrescribingActivity)a).Schedule.FirstStart < dayAfter
                    && (a.SessionPattern == SessionPattern.Weekly
                        || (a.SessionPattern == SessionPattern.MonthlyByWeekday
                            && (a.SessionMonthWeek == weekOfMonth || (lastWeek && a.SessionMonthWeek == -1)))
                        || (a.SessionPattern == SessionPattern.EveryFewWeeks && week % a.SessionEveryWeeks == a.SessionWeekPhase)
                        || (a.SessionPattern == SessionPattern.MonthlyByDay && a.SessionMonthDay == date.Day)))
                || dated.Contains(a.Id));
        }

        // A monthly-by-day rule meets on the weekday when it has started by the last of the coming year's nths that
        // falls on it: those dates depend only on today, so .NET lists one cut-off per day of the month, SQL compares.
        var cutoffs = WeeklyPattern.MonthDayCutoffs(openOn.Day, today);
        var latestCutoff = cutoffs.Max().ToDateTime(TimeOnly.MinValue); // implied by the cut-off: one the index on first sessions answers
        var horizon = today.AddDays(RegularHorizonDays).ToDateTime(TimeOnly.MinValue);
        var weekday = await CheckedIdsAsync(
            query.Where(a => a.Kind == AssetKind.Activity
                && (a.SessionPattern == SessionPattern.Irregular
                    || (a.SessionPattern != SessionPattern.MonthlyByDay && ((SocialPrescribingActivity)a).Schedule.FirstStart >= horizon))),
            openOn, null, today, ct);
        return query.Where(a => a.Kind == AssetKind.Hub
            || (a.Kind == AssetKind.Activity && a.SessionPattern != SessionPattern.Irregular && a.SessionPattern != SessionPattern.MonthlyByDay
                && ((SocialPrescribingActivity)a).Schedule.FirstStart < horizon)
            || (a.Kind == AssetKind.Activity && a.SessionPattern == SessionPattern.MonthlyByDay
                && ((SocialPrescribingActivity)a).Schedule.FirstStart < latestCutoff
                && DateOnly.FromDateTime(((SocialPrescribingActivity)a).Schedule.FirstStart) < cutoffs[a.SessionMonthDay!.Value - 1])
            || weekday.Contains(a.Id));
    }

    // Every session of an activity starts at its first session's time of day and lasts as long.
    private static async Task<List<Guid>> CheckedIdsAsync(
        IQueryable<Asset> candidates, OpenOn? openOn, OpenBetween? between, DateOnly today, CancellationToken ct)
    {
        var hubs = between is null ? [] : await candidates.OfType<CommunityHub>().Select(h => new { h.Id, h.OpeningHours }).ToListAsync(ct);
        var activities = await candidates.OfType<SocialPrescribingActivity>().Select(a => new { a.Id, a.Schedule }).ToListAsync(ct);
        return [.. hubs.Where(h => h.OpeningHours?.Periods.Any(p => (openOn is null || p.Day == openOn.Day)
                && (between is null || between.Overlaps(p.Opens, p.Closes))) == true)
            .Select(h => h.Id)
            .Concat(activities
                .Where(a => openOn is null
                    || (openOn.Date is { } date ? a.Schedule.HasSessionOn(date) : a.Schedule.HasSessionOn(openOn.Day, today)))
                .Where(a => between is null || SessionOverlaps(a.Schedule, between))
                .Select(a => a.Id))];
    }

    private static bool SessionOverlaps(Schedule schedule, OpenBetween between)
    {
        var starts = TimeOnly.FromDateTime(schedule.FirstStart);
        var ends = TimeOnly.FromDateTime(schedule.FirstStart + schedule.Duration);
        return between.Overlaps(starts, ends <= starts ? TimeOnly.MaxValue : ends);
    }
}
