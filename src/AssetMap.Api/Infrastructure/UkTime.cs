using AssetMap.Domain.Assets;

namespace AssetMap.Api.Infrastructure;

/// <summary>UK local time, in which every opening time and schedule is written.</summary>
internal static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById(Schedule.TimeZone);

    public static DateTime Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));
}
